"""Who raised an exception: the target's own code (a `raise` statement in its file), or Python itself on
the target's behalf (an operator or builtin given a value of a type the code never expected).

The first is behaviour the author wrote and a test should pin, message included. The second is a misuse
the code does not check: a TypeError or AttributeError of that kind says nothing about the target, and its
message is Python's, which changes between versions."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Optional

# What Python raises when an argument has a type the code cannot work with at all. Other exceptions from
# Python's own operations (ValueError from int('x'), KeyError, IndexError, ZeroDivisionError) still say
# something about the values the target was given; their tests stay, asserting the type only.
MISUSE = (TypeError, AttributeError)


def raise_lines(source: str) -> frozenset[int]:
    """Every line of every `raise` statement in the source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return frozenset()
    return frozenset(line for node in ast.walk(tree) if isinstance(node, ast.Raise)
                     for line in range(node.lineno, (node.end_lineno or node.lineno) + 1))


@dataclass
class Blame:
    filename: str
    lines: Optional[frozenset[int]] = None  # read from the file on first use when not given

    def own(self, error: Optional[BaseException]) -> bool:
        """The innermost frame in the target's file is at one of its `raise` statements."""
        line = self._innermost_line(error) if error is not None else None
        return line is not None and line in self._raise_lines()

    def misuse(self, error: Optional[BaseException]) -> bool:
        """Python's own TypeError or AttributeError, not one the target raises itself."""
        return isinstance(error, MISUSE) and not self.own(error)

    def _innermost_line(self, error: BaseException) -> Optional[int]:
        line = None
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        return line

    def _raise_lines(self) -> frozenset[int]:
        if self.lines is None:
            try:
                with open(self.filename, encoding="utf-8") as handle:
                    self.lines = raise_lines(handle.read())
            except (OSError, UnicodeDecodeError, ValueError):
                self.lines = frozenset()
        return self.lines
