"""pylint, mypy and flake8 (with mccabe's complexity check) on a test module's text, each in a child
process with a time limit.

The text is written alone into a temporary folder (no project beside it, nothing imported), so
findings about the project's imports are left out: pylint's import errors, mypy's missing imports.
A linter that is not installed, fails or runs out of time is reported as unavailable, never raised.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

MAX_OUTPUT_CHARS = 20_000
FILE_NAME = "test_module.py"
# Errors, and the warnings that matter for tests: unused imports and variables, undefined names, redefinitions.
PYLINT_ENABLE = ("E", "unused-import", "unused-variable", "undefined-variable", "function-redefined",
                 "redefined-outer-name", "reimported", "redefined-builtin", "unused-argument")
# The module is analysed without its project: unresolvable imports say nothing about it.
PYLINT_DISABLE = ("import-error", "no-name-in-module", "relative-beyond-top-level")
# The codes flake8's documentation singles out as "stop the build": syntax errors, invalid comparisons,
# misplaced statements and undefined names. The rest is style.
FLAKE8_ERRORS = ("E9", "F63", "F7", "F82")
# One finding per line, tab-separated, in a format flake8 is told to print (its text may hold anything but a newline).
FLAKE8_FORMAT = "%(row)d\t%(col)d\t%(code)s\t%(text)s"
_MYPY_LINE = re.compile(r"^[^:\n]+:(\d+):(?:(\d+):)? (error|note|warning): (.*?)(?:  \[([\w-]+)\])?$")


def unavailable(why: str, exit_code: int | None = None) -> dict:
    return {"available": False, "issue_count": 0, "error_count": 0, "exit_code": exit_code, "output": why,
            "findings": []}


def _run(arguments: list[str], folder: Path, timeout: float, name: str) -> tuple[int, str, str] | dict:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run([sys.executable, "-I", "-m", *arguments], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return unavailable(f"{name} did not finish within {timeout:g} s")
    except OSError as error:
        return unavailable(f"{name} could not start: {error}")
    if f"No module named {name}" in done.stderr:
        return unavailable(f"{name} is not installed for this interpreter")
    return done.returncode, done.stdout, done.stderr


def _result(exit_code: int, findings: list[dict], output: str) -> dict:
    return {
        "available": True,
        "issue_count": len(findings),
        "error_count": sum(1 for f in findings if f["severity"] == "error"),
        "exit_code": exit_code,
        "output": output.strip()[:MAX_OUTPUT_CHARS],
        "findings": findings,
    }


def pylint(folder: Path, timeout: float) -> dict:
    ran = _run(["pylint", "--output-format=json", "--score=n", "--persistent=n", "--disable=all",
                f"--enable={','.join(PYLINT_ENABLE)}", f"--disable={','.join(PYLINT_DISABLE)}", FILE_NAME],
               folder, timeout, "pylint")
    if isinstance(ran, dict):
        return ran
    code, stdout, stderr = ran
    if code & 32 or code & 1:  # usage error or fatal: pylint itself failed
        return unavailable(f"pylint failed with exit code {code}: {stderr.strip()[-500:]}", code)
    try:
        messages = json.loads(stdout or "[]")
    except json.JSONDecodeError:
        return unavailable(f"pylint's output was not JSON: {stdout[:200]}", code)
    findings = [{
        "line": m.get("line") or 1, "column": (m.get("column") or 0) + 1,
        "code": m.get("symbol") or m.get("message-id"),
        "severity": "error" if m.get("type") in ("error", "fatal") else "warning", "message": m.get("message", ""),
    } for m in messages]
    output = "\n".join(f"{FILE_NAME}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in findings)
    return _result(code, findings, output)


def mypy(folder: Path, timeout: float) -> dict:
    # Test functions carry no annotations: without --check-untyped-defs mypy would skip their bodies.
    ran = _run(["mypy", "--ignore-missing-imports", "--check-untyped-defs", "--no-error-summary",
                "--show-column-numbers", "--show-error-codes", "--cache-dir", str(folder / ".mypy_cache"), FILE_NAME],
               folder, timeout, "mypy")
    if isinstance(ran, dict):
        return ran
    code, stdout, stderr = ran
    if code not in (0, 1):
        return unavailable(f"mypy failed with exit code {code}: {(stderr or stdout).strip()[-500:]}", code)
    findings = []
    for line in stdout.splitlines():
        match = _MYPY_LINE.match(line.rstrip())
        if match:
            findings.append({"line": int(match.group(1)), "column": int(match.group(2) or 1),
                             "code": match.group(5) or "mypy", "severity": match.group(3), "message": match.group(4)})
    return _result(code, findings, stdout)


def flake8(folder: Path, timeout: float, max_line_length: int = 120, max_complexity: int = 10) -> dict:
    ran = _run(["flake8", f"--max-line-length={max_line_length}", f"--max-complexity={max_complexity}",
                f"--format={FLAKE8_FORMAT}", "--", FILE_NAME], folder, timeout, "flake8")
    if isinstance(ran, dict):
        return ran
    code, stdout, stderr = ran
    if code not in (0, 1):  # 0 clean, 1 findings; anything else is flake8 itself failing
        return unavailable(f"flake8 failed with exit code {code}: {stderr.strip()[-500:]}", code)
    findings = []
    for line in stdout.splitlines():
        parts = line.split("\t", 3)
        if len(parts) == 4 and parts[0].isdigit() and parts[1].isdigit():
            findings.append({"line": int(parts[0]), "column": int(parts[1]), "code": parts[2],
                             "severity": "error" if parts[2].startswith(FLAKE8_ERRORS) else "warning",
                             "message": parts[3].strip()})
    output = "\n".join(f"{FILE_NAME}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in findings)
    return _result(code, findings, output)


LINTERS: dict[str, Callable[..., dict]] = {"pylint": pylint, "mypy": mypy, "flake8": flake8}


def run_linters(source: str, wanted: dict[str, bool], timeout: float,
                flake8_options: dict | None = None) -> dict[str, dict]:
    """Each linter's result; a linter switched off is reported as such. `flake8_options`: its
    `max_line_length` and `max_complexity`."""
    folder = Path(tempfile.mkdtemp(prefix="questmesh-lint-"))
    options: dict[str, dict] = {"flake8": flake8_options or {}}
    try:
        (folder / FILE_NAME).write_text(source, encoding="utf-8")
        return {name: (lint(folder, timeout, **options.get(name, {})) if wanted.get(name, False)
                       else unavailable(f"{name} is switched off"))
                for name, lint in LINTERS.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
