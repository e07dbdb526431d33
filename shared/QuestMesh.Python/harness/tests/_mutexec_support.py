"""Helpers for test_execute.py and test_mutate.py: small real projects in tmp_path, and the
harness run the way the .NET side runs it (a subprocess, JSON on stdin, JSON on stdout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HARNESS_DIR = Path(__file__).resolve().parent.parent
if str(HARNESS_DIR) not in sys.path:
    sys.path.insert(0, str(HARNESS_DIR))

PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def write_files(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def run_harness(command: str, request: dict, timeout: float = 120.0, python: str = PYTHON) -> tuple[int, dict, str]:
    """(exit code, reply, stderr) of ``python -m questmesh_harness <command>`` (by `python`, Debian's by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONPATH"] = str(HARNESS_DIR)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    completed = subprocess.run(
        [python, "-m", "questmesh_harness", command], input=json.dumps(request),
        capture_output=True, text=True, env=env, timeout=timeout, cwd="/",
    )
    try:
        reply = json.loads(completed.stdout) if completed.stdout else {}
    except json.JSONDecodeError:
        pytest.fail(f"stdout is not one JSON reply: {completed.stdout[:500]!r}\n{completed.stderr}")
    return completed.returncode, reply, completed.stderr
