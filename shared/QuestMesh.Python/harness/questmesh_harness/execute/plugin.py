"""The pytest plugin behind ``execute``: per-test outcomes and per-test coverage contexts.

pytest runs in this process (pytest.main with this plugin), so outcomes come from pytest's own
reports rather than from parsing its console, and coverage can switch its dynamic context to the
test's node id around each test: that gives the line -> tests map the enhancer and mutate use.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Optional

import pytest

from .failure import Failure, describe, describe_collect_error


@dataclass
class OutcomeRecord:
    """One test's row in the reply."""

    id: str
    name: str
    outcome: str = "passed"
    duration: float = 0.0
    error_type: Optional[str] = None
    message: Optional[str] = None
    traceback: Optional[str] = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["duration"] = round(self.duration, 6)
        return data


@dataclass
class CollectionError:
    id: str
    error_type: str
    message: str
    text: str

    def to_dict(self) -> dict:
        return {"id": self.id, "error_type": self.error_type, "message": self.message}


@dataclass(eq=False)  # pluggy keeps plugins in a dict: they must stay hashable
class OutcomeCollector:
    """Collects outcomes; optionally switches coverage contexts (``switch`` is cov.switch_context)."""

    keep_frame: Callable[[str], bool]
    relative: Callable[[str], str]
    switch: Optional[Callable[[str], None]] = None
    tests: dict[str, OutcomeRecord] = field(default_factory=dict)
    collection_errors: list[CollectionError] = field(default_factory=list)
    failures: dict[tuple[str, str], Failure] = field(default_factory=dict)
    running: Optional[str] = None
    pid: int = field(default_factory=os.getpid)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Any):
        self.running = item.nodeid
        if self.switch is not None:
            self.switch(item.nodeid)
        outcome = yield
        if self.switch is not None:
            self.switch("")
        if outcome.excinfo is None:  # left set when the time limit interrupted this test
            self.running = None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        if os.getpid() != self.pid:
            # A process the test forked came back into pytest (a fork bomb, a child without
            # os._exit): left alone it would run the rest of the session and write a reply of its
            # own over ours. The parent reports the test; the child ends here, unflushed.
            os._exit(1)
        outcome = yield
        report = outcome.get_result()
        excinfo = call.excinfo
        if excinfo is not None and report.failed:
            self.failures[(item.nodeid, call.when)] = describe(
                excinfo.value, excinfo.tb, self.keep_frame, self.relative)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = self.tests.get(report.nodeid)
        if record is None:
            name = report.nodeid.rsplit("::", 1)[-1]
            record = self.tests[report.nodeid] = OutcomeRecord(id=report.nodeid, name=name)
        record.duration += report.duration
        if report.failed:
            failure = self.failures.get((report.nodeid, str(report.when)))
            if report.when == "call":
                record.outcome = "failed"
            elif record.outcome != "failed":
                record.outcome = "error"
            if failure is None:
                failure = describe_collect_error(report.longrepr)
            if record.error_type is None or report.when == "call":
                record.error_type = failure.error_type
                record.message = failure.message
                record.traceback = failure.traceback
        elif report.skipped and report.when in ("setup", "call"):
            record.outcome = "skipped"
            record.message = _skip_reason(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            failure = describe_collect_error(report.longrepr)
            self.collection_errors.append(CollectionError(
                report.nodeid or "<collection>", failure.error_type, failure.message,
                failure.traceback))


def _skip_reason(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        return f"xfail: {report.wasxfail}".rstrip(": ")
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr or "")
