"""``mutate``: how many small deliberate bugs in the target does the suite catch?

Default mode "fast": one process collects the suite once, runs a baseline under coverage, then
runs each mutant in a forked child with only the tests that reach its line (engine.py).
Mode "naive" runs each mutant in a fresh interpreter with the whole suite, as mutmut 2 does; it
exists to measure the fast mode against, not for production use.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

from ..execute.capture import capture_fds
from ..execute.measurement import start_coverage, stop_coverage
from ..project import Project, project_environment
from ..request import number
from .engine import MutationEngine
from .mutants import ParsedModule, generate_mutants, parse_module
from .model import Mutant, RunOutcome, Verdict
from .naive import run_naive
from .score import sample, score
from .selection import Baseline, Settings
from .workdir import WorkDirs
from ..source import read_python_text
from ..errors import HarnessError

MODES = ("fast", "naive")


@dataclass(frozen=True)
class MutateRequest:
    project: Project
    target: Path
    tests: Path
    max_mutants: Optional[int]
    seed: int
    settings: Settings
    mode: str

    @staticmethod
    def parse(request: dict) -> "MutateRequest":
        project = Project.open(request.get("project_dir"))
        max_mutants = request.get("max_mutants")
        if max_mutants is not None and (isinstance(max_mutants, bool)
                                        or not isinstance(max_mutants, int) or max_mutants < 1):
            raise HarnessError("max_mutants must be a positive integer or null")
        seed = request.get("seed", 42)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise HarnessError("seed must be an integer")
        mode = request.get("mode") or "fast"
        if mode not in MODES:
            raise HarnessError(f"mode must be one of {', '.join(MODES)}")
        workers = int(number(request, "workers", float(os.cpu_count() or 1), minimum=1))
        return MutateRequest(
            project=project,
            target=project.resolve(request.get("target_file"), "target_file"),
            tests=project.resolve(request.get("tests"), "tests"),
            max_mutants=max_mutants, seed=seed, mode=mode,
            settings=Settings(
                workers=workers,
                timeout_factor=number(request, "timeout_factor", 10.0, minimum=0.0),
                timeout_min_seconds=number(request, "timeout_min_seconds", 1.0, minimum=0.0),
            ),
        )


def run(request: dict) -> dict:
    req = MutateRequest.parse(request)
    started = time.perf_counter()
    source = read_python_text(req.target)
    try:
        parsed = parse_module(source, str(req.target))
    except SyntaxError as error:
        raise HarnessError(f"target_file does not parse: {error}") from error
    generated = generate_mutants(parsed)
    mutants, sampled = sample(generated, req.max_mutants, req.seed)
    if req.mode == "naive":
        outcome = run_naive(req.project, req.target, req.tests, mutants, req.settings)
    else:
        outcome = _run_fast(req, parsed, mutants)
    verdicts = outcome.verdicts
    ordered = [verdicts.get(m.id, Verdict("error", detail="not run")) for m in mutants]
    figures = score((v.status for v in ordered), sampled)
    elapsed = time.perf_counter() - started
    reply = figures.to_dict()
    reply.update({
        "mode": req.mode,
        "generated": len(generated),
        "sampled": sampled,
        "error": outcome.problem,
        "baseline": outcome.baseline,
        "wall_seconds": round(elapsed, 3),
        "duration_seconds": round(elapsed, 3),  # MutationReport.DurationSeconds on the .NET side
        "timings": outcome.timings,
        "mutants_per_second": round(len(mutants) / elapsed, 2) if elapsed > 0 else None,
        "mutants": [m.to_dict(v) for m, v in zip(mutants, ordered)],
    })
    return reply


def _run_fast(req: MutateRequest, parsed: ParsedModule, mutants: list[Mutant]) -> RunOutcome:
    project = req.project
    basetemp = tempfile.mkdtemp(prefix="questmesh-mutate-")
    args = [
        project.relative(req.tests), "--assert=plain", "-p", "no:terminal",
        "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir", str(project.root),
        "--basetemp", str(Path(basetemp) / "pytest"),
    ]
    try:
        with project_environment(project), capture_fds(capture=False):
            cov = start_coverage(req.target)
            engine = MutationEngine(req.target, parsed, mutants, req.settings, cov,
                                    project.contains,
                                    WorkDirs(project.root, Path(basetemp) / "workdirs"))
            began = time.perf_counter()
            try:
                exit_code = int(pytest.main(args, plugins=[engine]))
            finally:
                stop_coverage(cov)
    finally:
        shutil.rmtree(basetemp, ignore_errors=True)
    timings = {"pytest": time.perf_counter() - began, **engine.timings}
    if engine.crash is not None:
        raise engine.crash
    baseline = engine.baseline or Baseline(ids=[], durations=[])
    problem = engine.problem
    if problem is None and engine.baseline is None:
        problem = f"pytest ended with exit code {exit_code} before running the tests"
    return RunOutcome(
        verdicts=engine.verdicts,
        baseline=baseline.to_dict(),
        problem=problem,
        timings={name: round(seconds, 3) for name, seconds in timings.items()},
    )
