"""Arc collection for one file and a per-call time limit, for the explore search.

Arcs are recorded the way coverage.py's Python tracer records them ((-first line, line) on entry, (line,
-first line) on a real return), so coverage.py's parser can translate and judge them. A sys.settrace
tracer that ignores every other file costs about 0.08 ms per call of a small function where starting and
stopping a `coverage.Coverage` object and reading its data costs about 1.6 ms (measured on textwrap), so
the search can try twenty times more inputs in the same budget.
"""

from __future__ import annotations

import dis
import signal
import sys
from contextlib import contextmanager
from typing import Callable, Iterator

RESUME = dis.opmap.get("RESUME")
Arc = tuple[int, int]


class CallTimeout(BaseException):
    """Raised inside the target when a call overruns; a BaseException so `except Exception` lets it pass."""


def _real_call(frame) -> bool:
    if RESUME is None:
        return frame.f_lasti < 0
    # On 3.11+ the frame starts at RESUME; its argument is 0 for a call and non-zero for a generator resuming.
    return frame.f_code.co_code[frame.f_lasti + 1] == 0


def _real_return(frame) -> bool:
    if RESUME is None:
        return True
    code, lasti = frame.f_code.co_code, frame.f_lasti
    # A "return" followed by RESUME is a yield; the function will come back.
    return len(code) == lasti + 2 or code[lasti + 2] != RESUME


class ArcTracer:
    def __init__(self, filename: str, max_events: int = 0) -> None:
        self.filename = filename
        # A call that runs more lines than this is stopped where it is, the same way on every run; a
        # wall-clock limit would stop it at a different point on a busy machine. 0: no limit.
        self.max_events = max_events
        self.arcs: set[Arc] = set()
        # Line events seen: the search's measure of work, which unlike time is the same on every run.
        self._events = [0]

    @property
    def events(self) -> int:
        return self._events[0]

    def _start_frame(self, frame, event, arg):
        if event != "call" or frame.f_code.co_filename != self.filename:
            return None
        first = frame.f_code.co_firstlineno
        last = -first if _real_call(frame) else frame.f_lineno
        arcs, events, limit = self.arcs, self._events, self.max_events or float("inf")

        def local(frame, event, arg):
            nonlocal last
            if event == "line":
                line = frame.f_lineno
                arcs.add((last, line))
                last = line
                events[0] += 1
                if events[0] > limit:
                    raise CallTimeout()  # raised into the target's frame; Python also stops tracing here
            elif event == "return" and _real_return(frame):
                arcs.add((last, -first))
            return local

        return local

    @contextmanager
    def tracing(self) -> Iterator[set[Arc]]:
        """Collects the arcs run inside the block into a fresh set."""
        self.arcs = set()
        self._events[0] = 0
        previous = sys.gettrace()
        sys.settrace(self._start_frame)
        try:
            yield self.arcs
        finally:
            sys.settrace(previous)


class Alarm:
    """SIGALRM-based time limit for the calls of one search (main thread only)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._previous: Callable | int | None = None

    def _on_alarm(self, signum, frame) -> None:
        raise CallTimeout()

    def __enter__(self) -> "Alarm":
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        return self

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)

    @contextmanager
    def limit(self) -> Iterator[None]:
        # The interval re-fires the alarm in case the target swallows the first one with a bare except.
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.05)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
