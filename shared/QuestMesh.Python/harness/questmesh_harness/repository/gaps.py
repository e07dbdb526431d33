"""Where coverage is missing, by module, function and class: what `coverage_gaps.json` holds.

The figures are coverage.py's own Analysis of each module (branch mode); the functions and classes come
from the module's syntax tree. A function's range runs from its first decorator to its last line; its
missing lines are the module's missing statements in that range (nested functions count with the
function that holds them). A function is `uncovered` when none of its statements ran (not even its
`def` line when the module was never imported); a class lists its methods that never ran.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Iterator

from ..source import read_python_text

Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


@dataclass(frozen=True)
class Measured:
    """One module's figures, as coverage.py analysed it."""

    path: str  # relative to the repository, for people and CI
    file: str  # relative to the Python root, the module run's target
    module: str
    filename: str  # absolute, to read the source
    statements: set[int]
    missing: set[int]
    branches: int
    covered_branches: int
    missing_branches: int
    percent: float


def ranges(lines: list[int]) -> list[list[int]]:
    """[3, 4, 5, 9] → [[3, 5], [9, 9]]."""
    found: list[list[int]] = []
    for line in sorted(lines):
        if found and line == found[-1][1] + 1:
            found[-1][1] = line
        else:
            found.append([line, line])
    return found


def file_gaps(measured: Measured) -> dict[str, Any]:
    functions: list[dict] = []
    classes: list[dict] = []
    try:
        tree = ast.parse(read_python_text(measured.filename))
    except (SyntaxError, ValueError, RecursionError, MemoryError, OSError):
        tree = ast.Module(body=[], type_ignores=[])
    for node, qualname, owner in _definitions(tree.body, "", None):
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        end = node.end_lineno or node.lineno
        statements = {line for line in measured.statements if start <= line <= end}
        missing = sorted(line for line in measured.missing if start <= line <= end)
        if not missing:
            continue
        entry = {"name": node.name, "qualname": qualname, "start_line": start, "end_line": end,
                 "statements": len(statements), "missing_lines": missing,
                 "uncovered": len(missing) == len(statements)}
        if isinstance(node, ast.ClassDef):
            methods = [m for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]
            entry["uncovered_methods"] = [m.name for m in methods if _never_ran(m, measured)]
            entry["methods_with_gaps"] = [m.name for m in methods if _has_gap(m, measured)]
            classes.append(entry)
        else:
            entry["kind"] = "method" if owner is not None else "function"
            functions.append(entry)
    return {
        "path": measured.path, "file": measured.file, "module": measured.module,
        "percent": measured.percent, "statements": len(measured.statements),
        "missing_line_count": len(measured.missing), "missing_lines": sorted(measured.missing),
        "missing_ranges": ranges(list(measured.missing)), "branches": measured.branches,
        "covered_branches": measured.covered_branches, "missing_branches": measured.missing_branches,
        "functions": functions, "classes": classes,
    }


def _definitions(body: list[ast.stmt], prefix: str,
                 owner: ast.ClassDef | None) -> Iterator[tuple[Definition, str, Any]]:
    """Top-level functions, classes and their methods (nested classes too), each with its qualified name."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            qualname = f"{prefix}{node.name}"
            yield node, qualname, owner
            if isinstance(node, ast.ClassDef):
                yield from _definitions(node.body, f"{qualname}.", node)


def _lines(node: ast.FunctionDef | ast.AsyncFunctionDef, measured: Measured) -> tuple[set[int], set[int]]:
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    end = node.end_lineno or node.lineno
    inside = {line for line in measured.statements if start <= line <= end}
    # The `def` line runs when the class body runs; the body's own statements say whether the method did.
    body = {line for line in inside if line > node.body[0].lineno - 1} if node.body else inside
    return body, {line for line in measured.missing if line in body}


def _never_ran(node: ast.FunctionDef | ast.AsyncFunctionDef, measured: Measured) -> bool:
    body, missing = _lines(node, measured)
    return bool(body) and body == missing


def _has_gap(node: ast.FunctionDef | ast.AsyncFunctionDef, measured: Measured) -> bool:
    return bool(_lines(node, measured)[1])


def report(files: list[Measured], totals: dict[str, Any]) -> dict[str, Any]:
    """The whole `coverage_gaps.json` body: overall figures, then the files with gaps, most missing lines first."""
    with_gaps = [file_gaps(m) for m in files if m.missing or m.missing_branches]
    with_gaps.sort(key=lambda f: (-f["missing_line_count"], -f["missing_branches"], f["path"]))
    return {
        "overall": totals,
        "files": with_gaps,
        "complete_files": sorted(m.path for m in files if not (m.missing or m.missing_branches)),
    }
