"""`measure`: a whole suite (many test modules) run once under branch coverage of a project's modules.

A whole-repository run measures twice with it: the existing tests alone (the baseline, whose failures are
reported, never hidden) and the existing tests with the generated ones. pytest runs in this process with
the `execute` plugin, so every test's outcome and failure come from pytest's own reports; coverage.py
measures exactly the listed modules, so a module no test imports still counts, at 0 %. The reply carries
the figures, the gaps by function and class (`coverage_gaps.json`), the modules this interpreter cannot import
(a package they import is not installed), and on request the reports CI reads.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import coverage
import pytest
from coverage.results import Numbers

from ..analyze import module_name
from ..errors import HarnessError
from ..execute.capture import capture_fds
from ..execute.command import TimeLimit
from ..execute.failure import Places
from ..execute.plugin import OutcomeCollector
from ..project import Project, project_environment
from ..request import number
from . import gaps, reports
from .conftests import ConftestGuard
from .imports import missing_imports

# A path that is never a file: in a suite run no module is "the target", so project frames are `project`.
_NO_TARGET = Path("/nonexistent/questmesh-no-target")


@dataclass(frozen=True)
class MeasureRequest:
    project: Project
    tests: list[Path]
    modules: list[Path]
    timeout_seconds: float
    path_prefix: str
    reports: bool
    title: str

    @staticmethod
    def parse(request: dict) -> "MeasureRequest":
        project = Project.open(request.get("project_dir"))
        prefix = request.get("path_prefix") or ""
        if not isinstance(prefix, str) or prefix.startswith("/") or ".." in prefix.split("/"):
            raise HarnessError("path_prefix must be a relative folder path without '..'")
        return MeasureRequest(
            project=project,
            tests=[project.resolve(t, "a test file") for t in _paths(request, "tests")],
            modules=[project.resolve(m, "a module") for m in _paths(request, "modules")],
            timeout_seconds=number(request, "timeout_seconds", 600.0, minimum=1.0),
            path_prefix=prefix.strip("/") if prefix != "." else "",
            reports=request.get("reports") is True,
            title=str(request.get("title") or "QuestMesh coverage"),
        )


def _paths(request: dict, key: str) -> list[str]:
    value = request.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise HarnessError(f"{key} must be a list of paths relative to project_dir")
    return value


def run(request: dict) -> dict:
    req = MeasureRequest.parse(request)
    project = req.project
    work = Path(tempfile.mkdtemp(prefix="questmesh-measure-"))
    junit_path = work / "junit.xml"
    collector = OutcomeCollector(_places(project, _NO_TARGET), places_for=lambda path: _places(project, path))
    guard = ConftestGuard(project.relative)
    limit = TimeLimit(req.timeout_seconds)
    modules = [str(m) for m in req.modules]
    started = time.perf_counter()
    try:
        with project_environment(project), capture_fds() as captured:
            # Made here, so coverage.py names files relative to the project, as the reports show them.
            cov = coverage.Coverage(branch=True, data_file=None, include=modules or ["/nonexistent"],
                                    config_file=False)
            exit_code = _run_suite(req, cov, [collector, guard], limit, work, junit_path)
            measured, unmeasured = _analyse(cov, req)
            missing = missing_imports(req.modules, {path: project.relative(path) for path in req.modules})
            totals = _totals(measured)
            reply: dict[str, Any] = {"reports": None}
            if req.reports:
                morfs = [m.filename for m in measured]
                reply["reports"] = {
                    "cobertura": reports.cobertura(cov, morfs, work, req.path_prefix),
                    "junit": reports.junit(junit_path),
                    "html": reports.html(cov, morfs, work, req.title),
                }
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    tests = [test.to_dict() for test in collector.tests.values()]
    reply.update({
        "status": _status(req, exit_code, limit.expired, tests, collector),
        "exit_code": exit_code,
        "execution_time": round(elapsed, 4),
        "totals": _counts(tests, len(collector.collection_errors)),
        "tests": tests,
        "collection_errors": [error.to_dict() | {"failure": error.failure} for error in collector.collection_errors],
        "conftest_errors": guard.failures,
        "coverage": totals,
        "files": [{"path": m.path, "file": m.file, "module": m.module, "percent": m.percent,
                   "statements": len(m.statements), "missing_lines": len(m.missing),
                   "branches": m.branches, "missing_branches": m.missing_branches} for m in measured],
        "unmeasured": unmeasured,
        "missing_imports": missing,
        "gaps": gaps.report(measured, totals),
        "stdout": captured.stdout,
        "stderr": captured.stderr,
    })
    return reply


def _places(project: Project, test_file: Path) -> Places:
    return Places(test_file.resolve(), _NO_TARGET, project.contains, project.relative)


def _run_suite(req: MeasureRequest, cov: coverage.Coverage, plugins: list[object], limit: TimeLimit,
               work: Path, junit_path: Path) -> int:
    if not req.tests:
        return 5  # pytest's own "no tests collected"
    arguments = [req.project.relative(t) for t in req.tests] + [
        "-q", "-rfE", "--tb=short", "--color=no", "-p", "no:cacheprovider", "-o", "addopts=",
        "-o", "junit_family=xunit2", "--rootdir", str(req.project.root), "--basetemp", str(work / "tmp"),
        f"--junitxml={junit_path}",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov.start()
    try:
        with limit.armed():
            return int(pytest.main(arguments, plugins=plugins))
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cov.stop()


def _analyse(cov: coverage.Coverage, req: MeasureRequest) -> tuple[list[gaps.Measured], list[dict]]:
    measured: list[gaps.Measured] = []
    unmeasured: list[dict] = []
    for path in req.modules:
        file = req.project.relative(path)
        shown = f"{req.path_prefix}/{file}" if req.path_prefix else file
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                analysis = cov._analyze(str(path))
        except coverage.exceptions.CoverageException as error:
            unmeasured.append({"path": shown, "reason": str(error)})
            continue
        numbers = analysis.numbers
        measured.append(gaps.Measured(
            path=shown, file=file, module=module_name(file), filename=str(path),
            statements=set(analysis.statements), missing=set(analysis.missing),
            branches=numbers.n_branches, covered_branches=numbers.n_executed_branches,
            missing_branches=numbers.n_missing_branches, percent=numbers.pc_covered))
    return measured, unmeasured


def _totals(measured: list[gaps.Measured]) -> dict[str, Any]:
    total = Numbers()
    for m in measured:
        total += Numbers(n_files=1, n_statements=len(m.statements), n_missing=len(m.missing),
                         n_branches=m.branches, n_missing_branches=m.missing_branches)
    return {"percent": total.pc_covered, "statements": total.n_statements, "covered_statements": total.n_executed,
            "branches": total.n_branches, "covered_branches": total.n_executed_branches, "files": total.n_files}


def _counts(tests: list[dict], collection_errors: int) -> dict[str, int]:
    outcomes = [t["outcome"] for t in tests]
    return {"tests": len(tests), "passed": outcomes.count("passed"), "failed": outcomes.count("failed"),
            "errors": outcomes.count("error"), "skipped": outcomes.count("skipped"),
            "collection_errors": collection_errors}


def _status(req: MeasureRequest, exit_code: int, expired: bool, tests: list[dict], collector: OutcomeCollector) -> str:
    if not req.tests:
        return "no-tests"
    if expired:
        return "timeout"
    failing = any(t["outcome"] in ("failed", "error") for t in tests)
    if failing or collector.collection_errors or exit_code not in (0, 5):
        return "failed"
    return "passed" if tests else "no-tests"
