"""In which order mutants start, and in which order their tests run.

Order never changes a verdict (any failing test kills; a hang is a hang), only how soon it is
known. Mutants that may hang start first, so their timeouts overlap the rest of the run instead
of trailing it; then the longest jobs, for a short tail. Within a mutant, tests that already
killed a mutant of the same function go first: a test that catches one change in a function
usually catches its neighbours, and a kill ends the child.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Hashable

from .fork import ChildResult, Job
from .model import Mutant
from .selection import Plan

REMEMBERED_KILLERS = 4


def _plan(job: Job) -> Plan:
    plan = job.payload
    assert isinstance(plan, Plan)
    return plan


def start_order(jobs: list[Job]) -> list[Job]:
    return sorted(jobs, key=lambda job: (not _plan(job).mutant.may_hang, -_plan(job).expected))


def _group(mutant: Mutant) -> Hashable:
    """Mutants of one function (or of one module-level statement) form a group."""
    function = mutant.unit[-1] if mutant.unit else None
    return (mutant.top_index, getattr(function, "lineno", None))


class KillHistory:
    """Recent killers per group, fed by finished children, read when a child is started."""

    def __init__(self) -> None:
        self._killers: dict[Hashable, list[int]] = defaultdict(list)

    def record(self, job: Job, result: ChildResult) -> None:
        for line in reversed(result.lines):
            if line.startswith("K "):
                killers = self._killers[_group(_plan(job).mutant)]
                index = int(line[2:])
                if index in killers:
                    killers.remove(index)
                killers.insert(0, index)
                del killers[REMEMBERED_KILLERS:]
                return

    def reorder(self, job: Job) -> Job:
        plan = _plan(job)
        killers = [i for i in self._killers.get(_group(plan.mutant), ()) if i in plan.tests]
        if not killers:
            return job
        rest = [i for i in plan.tests if i not in killers]
        return dataclasses.replace(job, payload=dataclasses.replace(plan, tests=(*killers, *rest)))
