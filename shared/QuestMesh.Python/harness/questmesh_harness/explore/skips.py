"""One target's trouble stays with that target: an exception while the search discovers, calls, observes,
screens or writes one function, method, property or class skips it, and the others still get their tests.

A skip is the harness failing on a construct it does not understand (the target's own exceptions are
outcomes, caught where the call runs); each is reported with where in the harness it happened, so the
reply says what to fix rather than losing the run.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

HARNESS_DIR = Path(__file__).resolve().parents[1]  # the questmesh_harness package
T = TypeVar("T")


class Skips:
    """The skipped targets, by label (`name`, `Class.name`, or `<stage>` for a step that serves them all)."""

    def __init__(self) -> None:
        self.entries: list[dict[str, str]] = []
        self.labels: set[str] = set()

    def __contains__(self, label: object) -> bool:
        return label in self.labels

    def attempt(self, label: str, stage: str, function: Callable[..., T], *args: Any,
                default: Optional[T] = None, **kwargs: Any) -> Optional[T]:
        """`function(*args, **kwargs)`, or `default` after recording the skip when it raises."""
        try:
            return function(*args, **kwargs)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - contained to this target, reported below
            self.add(label, stage, error)
            return default

    def add(self, label: str, stage: str, error: BaseException) -> None:
        self.labels.add(label)
        if any(e["target"] == label and e["stage"] == stage for e in self.entries):
            return
        message = str(error).strip().splitlines()
        self.entries.append({"target": label, "stage": stage, "error_type": type(error).__name__,
                             "message": (message[0] if message else "")[:300], "location": location(error)})

    def keep(self, items: list[T], label: Callable[[T], str]) -> list[T]:
        return [item for item in items if label(item) not in self.labels]


def location(error: BaseException) -> str:
    """`path:line` of the innermost harness frame the error passed through (the harness code to fix); the
    path is inside the package, `explore/calls/targets.py`."""
    inside = [frame for frame in traceback.extract_tb(error.__traceback__)
              if HARNESS_DIR in Path(frame.filename).resolve().parents]
    if not inside:
        return ""
    frame = inside[-1]
    return f"{Path(frame.filename).resolve().relative_to(HARNESS_DIR).as_posix()}:{frame.lineno}"
