"""Naive mode: a fresh interpreter and the whole suite per mutant (mutmut 2's way).

Kept only as the yardstick for the fast mode in ``./quest bench``: same mutants, same verdict
rules, none of the speed-ups (no fork, no test selection, no coverage).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from ..project import Project
from .model import ERROR, KILLED, SURVIVED, TIMEOUT, Mutant, RunOutcome, Verdict
from .naive_child import DOES_NOT_COMPILE
from .selection import Settings

_HARNESS_DIR = str(Path(__file__).resolve().parents[2])


@dataclass
class _Process:
    mutant_id: int
    popen: subprocess.Popen
    started: float
    deadline: float


def _start(project: Project, target: Path, tests: Path, mutant_id: int,
           timeout: float) -> _Process:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [_HARNESS_DIR, env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "questmesh_harness.mutate.naive_child", str(project.root),
               str(target), project.relative(tests), str(mutant_id)]
    popen = subprocess.Popen(command, cwd=project.root, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    now = time.monotonic()
    return _Process(mutant_id, popen, now, now + timeout)


def _verdict(code: int, duration: float) -> Verdict:
    if code == 0:
        return Verdict(SURVIVED, None, duration)
    if code == DOES_NOT_COMPILE:
        return Verdict(ERROR, None, duration, "the mutant does not compile")
    return Verdict(KILLED, None, duration, f"pytest exit code {code}")


def run_naive(project: Project, target: Path, tests: Path, mutants: list[Mutant],
              settings: Settings) -> RunOutcome:
    began = time.monotonic()
    baseline = _start(project, target, tests, 0, timeout=3600.0)
    code = baseline.popen.wait()
    baseline_seconds = time.monotonic() - began
    summary = {"tests": None, "failed": int(code != 0), "duration": round(baseline_seconds, 4)}
    if code != 0:
        return RunOutcome({}, summary, f"the unmutated suite fails (pytest exit code {code})")
    timeout = max(settings.timeout_min_seconds, settings.timeout_factor * baseline_seconds)
    pending = deque(m.id for m in mutants)
    running: list[_Process] = []
    verdicts: dict[int, Verdict] = {}
    while pending or running:
        while pending and len(running) < settings.workers:
            running.append(_start(project, target, tests, pending.popleft(), timeout))
        time.sleep(0.005)
        now = time.monotonic()
        for process in list(running):
            status = process.popen.poll()
            if status is None and now < process.deadline:
                continue
            if status is None:
                os.killpg(process.popen.pid, signal.SIGKILL)
                process.popen.wait()
                verdicts[process.mutant_id] = Verdict(TIMEOUT, None, now - process.started)
            else:
                verdicts[process.mutant_id] = _verdict(status, now - process.started)
            running.remove(process)
    return RunOutcome(verdicts, summary, None)
