"""The mutant and its verdict: the data every mutation module passes around."""

from __future__ import annotations

import ast
import contextlib
from dataclasses import dataclass, field
from typing import Iterator, Optional

KILLED = "killed"
SURVIVED = "survived"
TIMEOUT = "timeout"
NO_COVERAGE = "no-coverage"
ERROR = "error"

FUNCTION_SCOPE = "function"  # code that runs when a function is called
MODULE_SCOPE = "module"      # code that runs at import: module and class bodies, defaults


@dataclass(eq=False)
class Mutant:
    """One small change to the target's syntax tree.

    The change is "put ``replacement`` where ``owner.<field>[position]`` is"; ``apply`` does it in
    place, which is fine because it only ever happens in a forked child (or a throwaway process).
    """

    id: int
    line: int
    col: int
    end_line: int
    operator: str
    original: str
    mutated: str
    scope: str
    top_index: int  # index of the module-level statement that contains the change
    owner: ast.AST = field(repr=False)
    field_name: str = field(repr=False)
    position: Optional[int] = field(repr=False)
    replacement: ast.AST = field(repr=False)
    anchor_lines: tuple[int, ...] = ()
    unit: Optional[tuple[ast.AST, ...]] = field(default=None, repr=False)  # classes..., function
    may_hang: bool = False  # inside a while loop: scheduled first so a hang overlaps other work
    callee_lines: Optional[tuple[int, int]] = None  # a default value: the function body's lines
    function: str = ""  # the enclosing function or method, qualified (`Cart.total`); empty at module level

    @property
    def lines(self) -> set[int]:
        """Lines whose coverage says a test may have run the mutated code."""
        return {*range(self.line, self.end_line + 1), *self.anchor_lines}

    def apply(self) -> None:
        self._put(self.replacement)

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        """The change in place for the block only: explore's screen compiles every mutant from one tree."""
        original = getattr(self.owner, self.field_name)
        if self.position is not None:
            original = original[self.position]
        self._put(self.replacement)
        try:
            yield
        finally:
            self._put(original)

    def _put(self, node: ast.AST) -> None:
        if self.position is None:
            setattr(self.owner, self.field_name, node)
        else:
            getattr(self.owner, self.field_name)[self.position] = node

    def to_dict(self, verdict: "Verdict") -> dict:
        return {
            "id": self.id, "line": self.line, "col": self.col, "operator": self.operator, "function": self.function,
            "original": self.original, "mutated": self.mutated, "status": verdict.status,
            "killed_by": verdict.killed_by, "duration": round(verdict.duration, 4),
        }


@dataclass(frozen=True)
class Verdict:
    """What running the selected tests against one mutant showed."""

    status: str
    killed_by: Optional[str] = None
    duration: float = 0.0
    detail: Optional[str] = None


@dataclass
class RunOutcome:
    """What a mode (fast or naive) hands back to mutate.run."""

    verdicts: dict[int, Verdict]
    baseline: dict
    problem: Optional[str]
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase
