"""The pytest plugin behind ``execute``: per-test outcomes and per-test coverage contexts.

pytest runs in this process (pytest.main with this plugin), so outcomes come from pytest's own
reports rather than from parsing its console, and coverage can switch its dynamic context to the
test's node id around each test: that gives the line -> tests map the enhancer and mutate use.
"""

from __future__ import annotations

import os
from pathlib import Path
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Optional

import pytest

from .failure import Failure, Places, collect_exception, describe, describe_collect_error
from .operands import Operands


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
    failure: Optional[dict] = None

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
    failure: dict

    def to_dict(self) -> dict:
        return {"id": self.id, "error_type": self.error_type, "message": self.message}


@dataclass(eq=False)  # pluggy keeps plugins in a dict: they must stay hashable
class OutcomeCollector:
    """Collects outcomes; optionally switches coverage contexts (``switch`` is cov.switch_context)."""

    places: Places
    switch: Optional[Callable[[str], None]] = None
    tests: dict[str, OutcomeRecord] = field(default_factory=dict)
    collection_errors: list[CollectionError] = field(default_factory=list)
    failures: dict[tuple[str, str], Failure] = field(default_factory=dict)
    running: Optional[str] = None
    compared: Optional[Operands] = None
    collect_errors: dict[str, BaseException] = field(default_factory=dict)
    pid: int = field(default_factory=os.getpid)
    # A run of many test modules (`measure`) gives each module's tests and collection its own places.
    places_for: Optional[Callable[[Path], Places]] = None

    def _enter(self, path: Any) -> None:
        if self.places_for is not None and path is not None:
            self.places = self.places_for(Path(path))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Any):
        self._enter(getattr(item, "path", None))
        self.running = item.nodeid
        self.compared = None
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
            compared = self.compared if call.when == "call" else None
            self.failures[(item.nodeid, call.when)] = describe(
                excinfo.value, excinfo.tb, self.places, item.nodeid, call.when, compared)
        self.compared = None

    def pytest_assertrepr_compare(self, config: Any, op: str, left: Any, right: Any) -> None:
        # Called with the real objects when a rewritten assertion compares; pytest's own
        # explanation still follows (this returns None).
        self.compared = Operands(op, left, right, "pytest")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_make_collect_report(self, collector: pytest.Collector):
        self._enter(getattr(collector, "path", None))
        # The exception of a module that does not import reaches the report only as text: keep the
        # object (pytest's CollectError carries the real one as its cause).
        collect = collector.collect

        def collect_keeping_errors() -> Any:
            try:
                return collect()
            except BaseException as error:
                self.collect_errors[collector.nodeid] = error
                raise

        collector.collect = collect_keeping_errors  # type: ignore[assignment]
        yield

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
                failure = describe_collect_error(report.longrepr, report.nodeid, str(report.when))
            if record.error_type is None or report.when == "call":
                record.error_type = failure.error_type
                record.message = failure.message
                record.traceback = failure.traceback
                record.failure = failure.details
        elif report.skipped and report.when in ("setup", "call"):
            record.outcome = "skipped"
            record.message = _skip_reason(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            node_id = report.nodeid or "<collection>"
            error = self.collect_errors.get(report.nodeid)
            if error is None:
                failure = describe_collect_error(report.longrepr, node_id)
            else:
                cause = collect_exception(error)
                failure = describe(cause, cause.__traceback__, self.places, node_id, "collect")
            # The rendered text stays: it is what a person reads in test_error.
            self.collection_errors.append(CollectionError(
                node_id, failure.error_type, failure.message, str(report.longrepr), failure.details))


def _skip_reason(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        return f"xfail: {report.wasxfail}".rstrip(": ")
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr or "")
