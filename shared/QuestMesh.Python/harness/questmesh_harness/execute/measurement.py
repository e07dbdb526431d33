"""coverage.py, driven through its API, restricted to the one target file.

The figures come from coverage.py's own Analysis of the file, so ``percent`` is exactly what
``coverage report`` would print for it in branch mode; nothing here re-derives or scrapes them.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import coverage

from ..errors import HarnessError
from ..source import read_python_text


def start_coverage(target: Path) -> coverage.Coverage:
    """Branch coverage, in memory (no data file), of ``target`` only.

    The project's own coverage configuration is ignored on purpose: a ``source`` or ``omit``
    there would fight with measuring exactly one file.
    """
    cov = coverage.Coverage(
        branch=True, data_file=None, include=[str(target)], config_file=False,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov.start()
    return cov


def stop_coverage(cov: coverage.Coverage) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov.stop()


def contexts_by_line(cov: coverage.Coverage, filename: str) -> dict[int, list[str]]:
    """Line -> the test ids that ran it; the empty context (import, collection) is dropped."""
    data = cov.get_data()
    data.set_query_contexts(None)
    raw = data.contexts_by_lineno(filename)
    return {line: sorted(c for c in contexts if c) for line, contexts in raw.items()
            if line > 0 and any(contexts)}


def arcs_by_test(cov: coverage.Coverage, filename: str) -> dict[str, list[list[int]]]:
    """Test id → the arcs of the target it ran (each context queried on its own; the empty one is left out)."""
    data = cov.get_data()
    found: dict[str, list[list[int]]] = {}
    for context in sorted(c for c in data.measured_contexts() if c):
        data.set_query_contexts([f"^{re.escape(context)}$"])
        found[context] = sorted([a, b] for a, b in (data.arcs(filename) or ()))
    data.set_query_contexts(None)
    return found


def lines_run_outside_tests(cov: coverage.Coverage, filename: str) -> set[int]:
    """Lines that ran in the empty context: at import or collection time."""
    data = cov.get_data()
    raw = data.contexts_by_lineno(filename)
    return {line for line, contexts in raw.items() if line > 0 and "" in contexts}


def coverage_report(cov: coverage.Coverage, target: Path, test_arcs: bool = False) -> dict[str, Any]:
    """The reply's ``coverage`` block for ``target``; with ``test_arcs``, each test's arcs too (to minimise)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = cov._analyze(str(target))
    numbers = analysis.numbers
    try:
        source_lines = read_python_text(target).splitlines()
    except HarnessError:
        source_lines = []

    def source(line: int) -> str:
        return source_lines[line - 1].strip() if 0 < line <= len(source_lines) else ""

    missing_branches = [
        {"from": start, "to": end, "source": source(start)}
        for start, ends in sorted(analysis.missing_branch_arcs().items())
        for end in sorted(ends)
    ]
    contexts = contexts_by_line(cov, analysis.filename)
    report: dict[str, Any] = {
        "percent": numbers.pc_covered,
        "statements": numbers.n_statements,
        "covered_statements": numbers.n_executed,
        "branches": numbers.n_branches,
        "covered_branches": numbers.n_executed_branches,
        "missing_lines": sorted(analysis.missing),
        "covered_lines": sorted(analysis.statements - analysis.missing),
        "missing_branches": missing_branches,
        "contexts": {str(line): tests for line, tests in sorted(contexts.items())},
    }
    if test_arcs:
        report["test_arcs"] = arcs_by_test(cov, analysis.filename)
    return report
