"""The pytest plugin that turns one pytest session into a whole mutation run.

pytest collects the suite once, in this process; the plugin then takes over the run loop: a
baseline under coverage (one context per test: line -> tests, and each test's duration), an
unmutated re-check in the order mutants will use, then every mutant in a forked child of this
warm process, where nothing is imported or collected again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import coverage
import pytest

from ..execute.measurement import stop_coverage
from ..execute.failure import describe_collect_error
from .child import check_body, mutant_body, verdict_of
from .fork import ForkRunner, Job
from .mutants import ParsedModule
from .model import NO_COVERAGE, Mutant, Verdict
from .order import KillHistory, start_order
from .selection import Baseline, Settings, plan_mutant
from .swap import LiveModule, find_live_module
from .workdir import WorkDirs


@dataclass(eq=False)  # pluggy keeps plugins in a dict: they must stay hashable
class MutationEngine:
    target: Path
    parsed: ParsedModule
    mutants: list[Mutant]
    settings: Settings
    cov: coverage.Coverage
    belongs_to_project: Callable[[Optional[str]], bool]
    workdirs: Optional[WorkDirs] = None
    baseline: Optional[Baseline] = None
    verdicts: dict[int, Verdict] = field(default_factory=dict)
    collection_errors: list[str] = field(default_factory=list)
    problem: Optional[str] = None
    crash: Optional[BaseException] = None
    timings: dict[str, float] = field(default_factory=dict)
    _failed: bool = False
    _items: list[pytest.Item] = field(default_factory=list)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            failure = describe_collect_error(report.longrepr, report.nodeid)
            self.collection_errors.append(f"{report.nodeid}: {failure.error_type}: {failure.message}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self._failed = True

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        if self.collection_errors:
            self.problem = "the tests do not collect: " + "; ".join(self.collection_errors)
            return True
        try:
            self._items = list(session.items)
            _fix_basetemp(session)
            began = time.perf_counter()
            self.baseline = self._run_baseline()
            self.timings["baseline"] = time.perf_counter() - began
            self._run_mutants()
        except Exception as error:  # reported by mutate.run once pytest has cleaned up
            self.crash = error
        return True

    def run_item(self, index: int, following: Optional[int]) -> bool:
        """Run one test through pytest's full protocol; True when any phase failed."""
        item = self._items[index]
        nextitem = self._items[following] if following is not None else None
        self._failed = False
        item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
        return self._failed

    def _run_baseline(self) -> Baseline:
        items = self._items
        baseline = Baseline(ids=[item.nodeid for item in items], durations=[0.0] * len(items))
        started = time.perf_counter()
        try:
            for index, item in enumerate(items):
                self.cov.switch_context(item.nodeid)
                began = time.perf_counter()
                if self.run_item(index, index + 1 if index + 1 < len(items) else None):
                    baseline.failed.add(index)
                baseline.durations[index] = time.perf_counter() - began
        finally:
            self.cov.switch_context("")
            stop_coverage(self.cov)
        baseline.duration = time.perf_counter() - started
        self._map_lines(baseline)
        return baseline

    def _map_lines(self, baseline: Baseline) -> None:
        data = self.cov.get_data()
        measured = [f for f in data.measured_files() if Path(f).resolve() == self.target]
        if not measured:
            return
        index_of = {nodeid: i for i, nodeid in enumerate(baseline.ids)}
        for line, contexts in data.contexts_by_lineno(measured[0]).items():
            for context in contexts:
                if context == "":
                    baseline.import_lines.add(line)
                elif context in index_of:
                    baseline.line_tests.setdefault(line, set()).add(index_of[context])

    def _run_mutants(self) -> None:
        baseline = self.baseline
        assert baseline is not None
        module = find_live_module(str(self.target))
        if module is None or not baseline.ids:
            self.problem = (f"the tests never import {self.target.name}" if baseline.ids
                            else "no tests were collected")
            for mutant in self.mutants:
                self.verdicts[mutant.id] = Verdict(NO_COVERAGE)
            return
        began = time.perf_counter()
        live = LiveModule(module, self.parsed, self.belongs_to_project).prepare()
        self.timings["prepare"] = time.perf_counter() - began
        began = time.perf_counter()
        self._check_order(baseline)
        self.timings["order_check"] = time.perf_counter() - began
        began = time.perf_counter()
        usable = baseline.usable()
        if not usable:
            self.problem = (f"no test passes on the unmutated code ({len(baseline.failed)} of "
                            f"{len(baseline.ids)} fail): there is nothing to judge mutants with")
        jobs = []
        for mutant in self.mutants:
            plan = plan_mutant(mutant, baseline, usable, self.settings)
            if plan is None:
                self.verdicts[mutant.id] = Verdict(NO_COVERAGE)
            else:
                steps = {i: baseline.durations[i] for i in plan.tests}
                jobs.append(Job(mutant.id, plan.timeout, plan, steps))
        history = KillHistory()
        runner = ForkRunner(self.settings.workers, mutant_body(live, self.run_item), self.workdirs)
        results = runner.run(start_order(jobs), on_result=history.record, prepare=history.reorder)
        for job_id, result in results.items():
            self.verdicts[job_id] = verdict_of(result, baseline.ids)
        self.timings["mutants"] = time.perf_counter() - began

    def _check_order(self, baseline: Baseline) -> None:
        """Re-run the usable tests unmutated in a child, as mutants will run them (fastest
        first, in a private working directory); the ones that fail there are set aside."""
        usable = baseline.usable()
        if not usable:
            return
        budget = max(self.settings.timeout_min_seconds,
                     self.settings.timeout_factor * sum(baseline.durations[i] for i in usable))
        runner = ForkRunner(1, check_body(self.run_item), self.workdirs)
        steps = {i: baseline.durations[i] for i in usable}
        result = runner.run([Job(0, budget, usable, steps)])[0]
        for line in result.lines:
            if line.startswith("F "):
                baseline.unreliable.add(int(line[2:]))


def _fix_basetemp(session: pytest.Session) -> None:
    """Create pytest's temporary root now: a child creating it would first wipe it, under the
    feet of its siblings."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        factory.getbasetemp()
