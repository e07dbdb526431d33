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
    return frozenset(raised_names(source))


def raised_names(source: str) -> dict[int, frozenset[str]]:
    """Each line of each `raise` statement → the exception class names it names (`raise ValueError(...)` →
    ValueError; empty for `raise`, `raise error`, whose type the statement does not show)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found: dict[int, frozenset[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            names = _class_names(node.exc)
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                found[line] = found.get(line, frozenset()) | names
    return found


def _class_names(node: Optional[ast.expr]) -> frozenset[str]:
    """`ValueError(...)`, `errors.Invalid(...)`, `ValueError` → their last name part; else nothing."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute) and node.attr[:1].isupper():
        return frozenset({node.attr})
    if isinstance(node, ast.Name) and node.id[:1].isupper():
        return frozenset({node.id})
    return frozenset()


@dataclass
class Blame:
    filename: str
    lines: Optional[dict[int, frozenset[str]]] = None  # see raised_names; read from the file on first use

    def own(self, error: Optional[BaseException]) -> bool:
        """The innermost frame in the target's file is at one of its `raise` statements, and the error is of
        the class the statement names (an AttributeError while a `raise ValueError(f"{x.name}")` builds its
        message is Python's, not the target's)."""
        line = self._innermost_line(error) if error is not None else None
        if line is None or line not in self._raise_lines():
            return False
        names = self._raise_lines()[line]
        return not names or any(klass.__name__ in names for klass in type(error).__mro__)

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

    def _raise_lines(self) -> dict[int, frozenset[str]]:
        if self.lines is None:
            try:
                with open(self.filename, encoding="utf-8") as handle:
                    self.lines = raised_names(handle.read())
            except (OSError, UnicodeDecodeError, ValueError):
                self.lines = {}
        return self.lines
