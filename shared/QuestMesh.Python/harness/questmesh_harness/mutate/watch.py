"""Telling a child that loops from one that is merely busy, and moving it out of the way.

Mutants that hang (a loop condition that never turns false) wait for their whole timeout, which
is at least a second. Holding a worker slot for that second would cost more than the rest of a
small run, so a child that spends far longer on its current test than that test took in the
baseline becomes a *suspect*: it keeps its deadline (the verdict rule does not change) but stops
counting against ``workers`` and drops to the lowest CPU priority. A suspect that reports the
next test is no longer one, and gets its priority back when the OS allows it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

FACTOR = 4.0          # suspect after this many times the current test's baseline duration,
FLOOR_SECONDS = 0.1   # but never sooner than this after the test started,
CEILING = 0.5         # and always once this share of the timeout is spent on one test
NICENESS = 19


@dataclass
class Watch:
    started: float
    timeout: float
    steps: Mapping[int, float] = field(default_factory=dict)  # test index -> baseline seconds
    suspect_at: float = 0.0
    suspect: bool = False

    def __post_init__(self) -> None:
        self._arm(self.started, FLOOR_SECONDS)

    def _arm(self, now: float, expected: float) -> None:
        patience = max(FLOOR_SECONDS, FACTOR * expected)
        self.suspect_at = now + min(patience, max(FLOOR_SECONDS, CEILING * self.timeout))

    def progressed(self, step: int, now: float) -> bool:
        """The child started test ``step``; True when that clears a suspicion."""
        self._arm(now, self.steps.get(step, 0.0))
        cleared, self.suspect = self.suspect, False
        return cleared

    def check(self, now: float) -> bool:
        """True when the child has just become a suspect."""
        if not self.suspect and now >= self.suspect_at:
            self.suspect = True
            return True
        return False


def renice(pid: int, niceness: int) -> None:
    """Best effort: raising priority back needs privileges the sandbox may not grant."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
    except OSError:
        pass
