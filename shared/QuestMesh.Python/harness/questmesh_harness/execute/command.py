"""``execute``: run one test module under branch coverage with one coverage context per test.

pytest runs in this process (unittest modules run fine under pytest), so per-test outcomes,
exception types and coverage contexts come from pytest's and coverage.py's APIs, never from their
console text. The .NET side owns the hard wall-clock limit (it kills the process group); the
alarm here only lets a slow run end a little earlier with a reply that says ``timeout`` and keeps
the results of the tests that did finish.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from .capture import capture_fds, cap_text
from .measurement import coverage_report, start_coverage, stop_coverage
from ..project import Project, project_environment
from ..request import number
from .order import ShuffledOrder
from .failure import Places, plain
from .plugin import OutcomeCollector, OutcomeRecord
from ..errors import HarnessError

FRAMEWORKS = ("auto", "pytest", "unittest")


@dataclass(frozen=True)
class ExecuteRequest:
    project: Project
    target: Path
    test_file: Path
    framework: str
    timeout_seconds: float
    shuffle_seed: int | None = None
    test_arcs: bool = False

    @staticmethod
    def parse(request: dict) -> "ExecuteRequest":
        project = Project.open(request.get("project_dir"))
        framework = request.get("framework") or "auto"
        if framework not in FRAMEWORKS:
            raise HarnessError(f"framework must be one of {', '.join(FRAMEWORKS)}")
        return ExecuteRequest(
            project=project,
            target=project.resolve(request.get("target_file"), "target_file"),
            test_file=project.resolve(request.get("test_file"), "test_file"),
            framework=framework,
            timeout_seconds=number(request, "timeout_seconds", 120.0, minimum=0.0),
            shuffle_seed=_optional_int(request, "shuffle_seed"),
            test_arcs=request.get("test_arcs") is True,
        )


def _optional_int(request: dict, key: str) -> int | None:
    value = request.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise HarnessError(f"{key} must be an integer or null")
    return value


class TimeLimit:
    """A SIGALRM that ends the pytest session (pytest.exit) shortly before the outer limit."""

    def __init__(self, timeout_seconds: float) -> None:
        margin = min(5.0, max(0.5, 0.1 * timeout_seconds))
        self.seconds = max(0.2, timeout_seconds - margin) if timeout_seconds > 0 else 0.0
        self.expired = False

    def _fire(self, signum: int, frame: Any) -> None:
        self.expired = True
        raise pytest.exit.Exception("QuestMesh: the time limit was reached", returncode=2)

    @contextlib.contextmanager
    def armed(self) -> Iterator["TimeLimit"]:
        if not self.seconds or not hasattr(signal, "setitimer"):
            yield self
            return
        previous = signal.signal(signal.SIGALRM, self._fire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield self
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def detect_framework(test_file: Path, requested: str) -> str:
    if requested != "auto":
        return requested
    text = test_file.read_text(encoding="utf-8", errors="replace")
    uses_unittest = re.search(r"^\s*(import unittest|from unittest\b)", text, re.M)
    uses_pytest = re.search(r"^\s*(import pytest|from pytest\b)", text, re.M)
    return "unittest" if uses_unittest and not uses_pytest else "pytest"


def pytest_arguments(req: ExecuteRequest, basetemp: str) -> list[str]:
    # The project's addopts are dropped: they often name plugins (pytest-cov, xdist) the sandbox
    # does not have, and a usage error would hide the tests' real state.
    return [
        req.project.relative(req.test_file), "-q", "-rfE", "--tb=short", "--color=no",
        "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir", str(req.project.root),
        "--basetemp", basetemp,
    ]


def run(request: dict) -> dict:
    req = ExecuteRequest.parse(request)
    project = req.project
    basetemp = tempfile.mkdtemp(prefix="questmesh-execute-")
    places = Places(req.test_file.resolve(), req.target.resolve(), project.contains, project.relative)
    collector = OutcomeCollector(places)
    limit = TimeLimit(req.timeout_seconds)
    plugins: list[object] = [collector]
    if req.shuffle_seed is not None:
        plugins.append(ShuffledOrder(req.shuffle_seed))
    started = time.perf_counter()
    try:
        with project_environment(project), capture_fds() as captured:
            cov = start_coverage(req.target)
            collector.switch = cov.switch_context
            try:
                with limit.armed():
                    exit_code = int(pytest.main(pytest_arguments(req, basetemp), plugins=plugins))
            finally:
                stop_coverage(cov)
        elapsed = time.perf_counter() - started
        report = coverage_report(cov, req.target, req.test_arcs)
    finally:
        shutil.rmtree(basetemp, ignore_errors=True)
    if limit.expired and collector.running:
        record = collector.tests.setdefault(
            collector.running, OutcomeRecord(collector.running, collector.running.rsplit("::", 1)[-1]))
        record.outcome, record.error_type = "error", "Timeout"
        record.message = f"the run reached its time limit ({req.timeout_seconds:g} s) in this test"
        record.failure = plain(collector.running, "call", "Timeout", record.message)
    tests = list(collector.tests.values())
    status, test_error = _status(exit_code, limit.expired, collector, tests, captured.stdout,
                                 captured.stderr)
    return {
        "status": status,
        "success": status == "passed",
        "exit_code": exit_code,
        "execution_time": round(elapsed, 4),
        "framework": detect_framework(req.test_file, req.framework),
        "shuffle_seed": req.shuffle_seed,
        "tests": [test.to_dict() for test in tests],
        "collection_errors": [error.to_dict() for error in collector.collection_errors],
        "collection_failures": [error.failure for error in collector.collection_errors],
        "test_error": test_error,
        "coverage": report,
        "stdout": captured.stdout,
        "stderr": captured.stderr,
    }


def _status(exit_code: int, expired: bool, collector: OutcomeCollector,
            tests: list[OutcomeRecord], stdout: str, stderr: str) -> tuple[str, str | None]:
    """passed | failed | error | timeout, and the text that explains an error."""
    if collector.collection_errors:
        text = "\n\n".join(f"{e.id}: {e.text}" for e in collector.collection_errors)
        return ("timeout" if expired else "error"), cap_text(text, 8_000)
    if expired:
        return "timeout", "the run reached its time limit"
    if exit_code == 5 or (exit_code == 0 and not tests):
        return "error", "no tests were collected"
    if exit_code in (2, 3, 4):
        detail = (stderr.strip() or stdout.strip())[-4_000:]
        return "error", f"pytest ended with exit code {exit_code}: {detail}"
    if exit_code == 1 or any(t.outcome in ("failed", "error") for t in tests):
        return "failed", None
    return "passed", None
