"""Runs a written test module the way a user would (`python -m pytest` from the project folder), in a
child process, to find the tests that fail outside the search; and measures what an existing suite covers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from ..calls.trace import Arc
from ...project import child_environment


@dataclass
class Verdict:
    ran: bool  # False when pytest could not run the module at all (collection error, timeout)
    failed: set[str] = field(default_factory=set)  # `test_x` or `TestClass.test_x`
    passed: set[str] = field(default_factory=set)
    detail: str = ""


@contextmanager
def probe_file(project_dir: Path, test_file: str, source: str) -> Iterator[Path]:
    """The module written beside where the suite will live (same conftest and import rules), then removed."""
    wanted = project_dir / test_file
    folder = wanted.parent
    created = [] if folder.exists() else [p for p in [folder, *folder.parents] if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"test_questmesh_probe_{os.getpid()}.py"
    path.write_text(source, encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
        for leftover in created:
            shutil.rmtree(leftover, ignore_errors=True)


# What a user's machine varies and the sandbox fixes: the hash seed (the sandbox pins it to 0) and whether
# `assert` statements run (`python -O` drops them, so no test may rely on the target's own asserts).
OTHER_HASH_SEED = "1729"


@dataclass(frozen=True)
class Variation:
    hash_seed: Optional[str] = None  # None: the harness's own environment
    optimize: bool = False


AS_IS = Variation()
ELSEWHERE = Variation(OTHER_HASH_SEED, optimize=True)


def _environment(project_dir: Path, variation: Variation = AS_IS) -> dict[str, str]:
    env = child_environment(project_dir, os.environ)
    if variation.hash_seed is not None:
        env["PYTHONHASHSEED"] = variation.hash_seed
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # leave no __pycache__ behind in the user's tree
    return env


def run_tests(project_dir: Path, test_file: str, source: str, timeout: float,
              variation: Variation = AS_IS) -> Verdict:
    with tempfile.TemporaryDirectory(prefix="questmesh-explore-") as scratch, \
            probe_file(project_dir, test_file, source) as path:
        report = Path(scratch) / "junit.xml"
        command = [sys.executable, *(["-O"] if variation.optimize else []), "-m", "pytest", "-q",
                   "-p", "no:cacheprovider", "-o", "junit_family=xunit2",
                   f"--junitxml={report}", str(path)]
        try:
            completed = subprocess.run(command, cwd=project_dir, env=_environment(project_dir, variation),
                                       capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Verdict(False, detail=f"pytest did not finish within {timeout:.0f} s")
        if not report.exists():
            return Verdict(False, detail=(completed.stdout + completed.stderr)[-4000:])
        return _read_junit(report, path.stem, (completed.stdout + completed.stderr)[-4000:])


def _read_junit(report: Path, module_stem: str, output: str) -> Verdict:
    verdict = Verdict(True, detail=output)
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        owner = classname.rsplit(".", 1)[-1]
        key = name if owner == module_stem or not classname else f"{owner}.{name}"
        if not name or (not classname and name == module_stem):
            verdict.ran = False  # a collection error reported as a test case
            continue
        bad = any(child.tag in ("failure", "error") for child in case)
        (verdict.failed if bad else verdict.passed).add(key.split("[")[0])
    if not verdict.passed and not verdict.failed:
        verdict.ran = False
    return verdict


def existing_arcs(project_dir: Path, test_file: str, source: str, target: Path, timeout: float) -> Optional[set[Arc]]:
    """Arcs of the target the existing suite runs, measured by coverage.py (read through its data API)."""
    import coverage

    with tempfile.TemporaryDirectory(prefix="questmesh-explore-") as scratch, \
            probe_file(project_dir, test_file, source) as path:
        data_file = Path(scratch) / ".coverage"
        command = [sys.executable, "-m", "coverage", "run", "--branch", f"--data-file={data_file}",
                   f"--include={target}", "-m", "pytest", "-q", "-p", "no:cacheprovider", str(path)]
        try:
            subprocess.run(command, cwd=project_dir, env=_environment(project_dir),
                           capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if not data_file.exists():
            return None
        data = coverage.CoverageData(basename=str(data_file))
        data.read()
        for measured in data.measured_files():
            if Path(measured).resolve() == target:
                return set(data.arcs(measured) or ())
        return set()


SKIP_DIRS = {"node_modules", "site-packages", "venv", "env", "build", "dist", "__pycache__"}


def _test_files(project_dir: Path, limit: int) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(project_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        found += [Path(root) / f for f in sorted(files)
                  if f.endswith(".py") and (f.startswith("test_") or f.endswith("_test.py"))
                  and not f.startswith("test_questmesh_probe_")]
        if len(found) >= limit:
            break
    return found[:limit]


def detect_style(project_dir: Path, existing: Optional[str], limit: int = 30) -> str:
    """`unittest` when most of the project's test modules are TestCase classes without bare pytest
    functions, else `pytest`."""
    sources = [existing] if existing else []
    if not sources:
        for path in _test_files(project_dir, limit):
            try:
                sources.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
    unittest_votes = sum(1 for text in sources if "unittest" in text and "TestCase" in text
                         and "\ndef test" not in text)
    return "unittest" if sources and unittest_votes * 2 > len(sources) else "pytest"
