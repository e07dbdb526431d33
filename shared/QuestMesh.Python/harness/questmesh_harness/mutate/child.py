"""What a forked child does, and what its pipe lines mean to the parent.

Protocol, one line per event: ``T <i>`` test i starts, ``K <i>`` test i failed (killed),
``S`` all selected tests passed (survived), ``F <i>`` test i failed in the unmutated check,
``E <text>`` the mutant does not compile, ``X <text>`` re-running the module raised (a fresh
import would fail: killed), ``C <text>`` the child itself crashed.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from .fork import Channel, ChildResult, Job
from .model import ERROR, KILLED, SURVIVED, TIMEOUT, Verdict
from .selection import Plan
from .swap import LiveModule, MutantBreaksImport, MutantDoesNotCompile

IMPORT_KILLER = "<module import>"

RunItem = Callable[[int, Optional[int]], bool]  # (test index, next test index) -> failed?


def skip_failure_rendering() -> None:
    """A child only needs pass or fail. pytest renders every failure's traceback with source
    lines as soon as it builds the report, which costs more than most tests; in the (forked,
    throwaway) child that rendering is replaced by the exception's class name."""
    from _pytest import nodes

    def class_name_only(self: object, excinfo: object, style: object = None) -> str:
        return str(getattr(excinfo, "typename", "failed"))

    setattr(nodes.Node, "_repr_failure_py", class_name_only)


def mutant_body(live: LiveModule, run_item: RunItem) -> Callable[[Job, Channel], None]:
    def body(job: Job, channel: Channel) -> None:
        plan: Plan = job.payload  # type: ignore[assignment]
        skip_failure_rendering()
        try:
            live.swap_in(plan.mutant, plan.rerun_module)
        except MutantDoesNotCompile as error:
            channel.send(f"E {error}")
            return
        except MutantBreaksImport as error:
            channel.send(f"X {error}")
            return
        live.clear_caches()
        tests = plan.tests
        for position, index in enumerate(tests):
            channel.send(f"T {index}")
            following = tests[position + 1] if position + 1 < len(tests) else None
            if run_item(index, following):
                channel.send(f"K {index}")
                return
        channel.send("S")
    return body


def check_body(run_item: RunItem) -> Callable[[Job, Channel], None]:
    """Run the usable tests unmutated, in the order mutants use: order-dependent tests show."""
    def body(job: Job, channel: Channel) -> None:
        tests: Sequence[int] = job.payload  # type: ignore[assignment]
        skip_failure_rendering()
        for position, index in enumerate(tests):
            following = tests[position + 1] if position + 1 < len(tests) else None
            if run_item(index, following):
                channel.send(f"F {index}")
        channel.send("S")
    return body


def verdict_of(result: ChildResult, ids: Sequence[str]) -> Verdict:
    """Read a child's lines into a verdict; a child that died mid-test killed the mutant."""
    current: Optional[str] = None
    for line in result.lines:
        kind, _, rest = line.partition(" ")
        if kind == "T":
            current = ids[int(rest)]
        elif kind == "K":
            return Verdict(KILLED, ids[int(rest)], result.duration)
        elif kind == "S":
            return Verdict(SURVIVED, None, result.duration)
        elif kind == "E":
            return Verdict(ERROR, None, result.duration, rest)
        elif kind == "X":
            return Verdict(KILLED, IMPORT_KILLER, result.duration, rest)
        elif kind == "C":
            return Verdict(KILLED, current, result.duration, rest)
    if result.timed_out:
        return Verdict(TIMEOUT, current, result.duration)
    return Verdict(KILLED, current, result.duration, f"the child exited ({result.exit_status})")
