"""Which tests run for a mutant, in which order, and for how long at most.

Only tests whose coverage context touched the mutant's lines can kill it; they run fastest
first so a kill is found early. Code that runs at import (module and class bodies, or a function
the module calls while importing) can influence any test, so those mutants get the whole suite,
as a fresh import would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .model import MODULE_SCOPE, Mutant

CHILD_OVERHEAD_SECONDS = 0.01  # fork, recompile, swap: what a child costs beyond its tests


@dataclass
class Baseline:
    """The unmutated suite, run once in the parent with one coverage context per test."""

    ids: list[str]
    durations: list[float]
    failed: set[int] = field(default_factory=set)
    # passed in the baseline, failed when re-run unmutated in a child (they depend on the order
    # of tests or on the real working directory): they would kill every mutant they run for
    unreliable: set[int] = field(default_factory=set)
    line_tests: dict[int, set[int]] = field(default_factory=dict)
    import_lines: set[int] = field(default_factory=set)
    duration: float = 0.0

    def to_dict(self) -> dict:
        return {
            "tests": len(self.ids),
            "failed": len(self.failed),
            "failed_tests": [self.ids[i] for i in sorted(self.failed)],
            "unreliable_tests": [self.ids[i] for i in sorted(self.unreliable)],
            "duration": round(self.duration, 4),
        }

    def usable(self) -> list[int]:
        """Indices of tests that may judge mutants, fastest first."""
        excluded = self.failed | self.unreliable
        return sorted((i for i in range(len(self.ids)) if i not in excluded),
                      key=lambda i: (self.durations[i], i))


@dataclass(frozen=True)
class Settings:
    workers: int
    timeout_factor: float
    timeout_min_seconds: float


@dataclass(frozen=True)
class Plan:
    mutant: Mutant
    tests: tuple[int, ...]
    rerun_module: bool
    timeout: float
    expected: float


def plan_mutant(mutant: Mutant, baseline: Baseline, usable: list[int],
                settings: Settings) -> Plan | None:
    """The plan for one mutant, or None when no usable test reaches its code (no-coverage)."""
    if mutant.callee_lines is not None:
        return _plan_default_value(mutant, baseline, usable, settings)
    lines = mutant.lines
    at_import = any(line in baseline.import_lines for line in lines)
    covering = _tests_on(baseline, lines)
    if mutant.scope == MODULE_SCOPE or at_import:
        if not (at_import or covering):
            return None
        tests = list(usable)
        rerun = True
    else:
        tests = [i for i in usable if i in covering]
        rerun = False
    return _plan(mutant, tests, rerun, baseline, settings)


def _plan_default_value(mutant: Mutant, baseline: Baseline, usable: list[int],
                        settings: Settings) -> Plan | None:
    """A default value only shows when the function runs: the tests that ran its body are
    enough (all of them when the module itself calls it while importing)."""
    first, last = mutant.callee_lines  # type: ignore[misc]
    body = range(first, last + 1)
    if any(line in baseline.import_lines for line in body):
        return _plan(mutant, list(usable), True, baseline, settings)
    covering = _tests_on(baseline, body)
    return _plan(mutant, [i for i in usable if i in covering], True, baseline, settings)


def _tests_on(baseline: Baseline, lines: Iterable[int]) -> set[int]:
    covering: set[int] = set()
    for line in lines:
        covering |= baseline.line_tests.get(line, set())
    return covering


def _plan(mutant: Mutant, tests: list[int], rerun: bool, baseline: Baseline,
          settings: Settings) -> Plan | None:
    if not tests:
        return None
    tests_seconds = sum(baseline.durations[i] for i in tests)
    timeout = max(settings.timeout_min_seconds, settings.timeout_factor * tests_seconds)
    expected = tests_seconds + CHILD_OVERHEAD_SECONDS  # for scheduling only
    return Plan(mutant, tuple(tests), rerun, timeout, expected)
