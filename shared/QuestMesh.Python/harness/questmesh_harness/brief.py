"""`brief`: what the generator tells a model about its target: the mined context, the import path, the
test style to write, and each gap (missing line, missing branch, surviving mutant) with its source text
and the function it sits in. Like `analyze`, it never imports project code."""

from __future__ import annotations

import ast
from typing import Any

from . import analyze
from .errors import HarnessError
from .explore.writing.verification import detect_style
from .project import resolve_target
from .source import read_python_text, split_lines

MAX_ITEMS = 200


def run(request: dict) -> dict:
    project_dir, target = resolve_target(request)
    context = analyze.run(request)
    existing = request.get("existing_tests")
    existing = existing if isinstance(existing, str) and existing.strip() else None
    style = "django" if context.get("framework") == "django" else detect_style(project_dir, existing)
    reply: dict[str, Any] = {"module": context.get("module"), "framework": context.get("framework"),
                             "test_style": style, "context": context, "lines": [], "branches": [], "mutants": []}
    if context.get("target_problem") or context.get("syntax_error"):
        return reply
    source = read_python_text(target)
    lines = [line.rstrip("\r\n") for line in split_lines(source)]
    owners = _Owners(ast.parse(source))

    def text(number: int) -> str | None:
        return lines[number - 1].strip() if 1 <= number <= len(lines) else None

    for number in _ints(request.get("missing_lines"), "missing_lines")[:MAX_ITEMS]:
        reply["lines"].append({"line": number, "text": text(number), "function": owners.at(number)})
    for branch in _list(request.get("missing_branches"), "missing_branches")[:MAX_ITEMS]:
        start, end = _int(branch, "from"), _int(branch, "to")
        reply["branches"].append({"from": start, "to": end, "from_text": text(start),
                                  "to_text": text(end) if end > 0 else None, "function": owners.at(start)})
    for mutant in _list(request.get("surviving_mutants"), "surviving_mutants")[:MAX_ITEMS]:
        line = _int(mutant, "line")
        reply["mutants"].append({"line": line, "text": text(line), "original": str(mutant.get("original", "")),
                                 "mutated": str(mutant.get("mutated", "")), "function": owners.at(line)})
    return reply


class _Owners:
    """The innermost function (by qualified name) that holds a line; None at module level."""

    def __init__(self, tree: ast.Module) -> None:
        self._spans: list[tuple[int, int, str]] = []
        self._walk(tree.body, "")

    def _walk(self, body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = prefix + node.name
                if not isinstance(node, ast.ClassDef):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    self._spans.append((first, node.end_lineno or node.lineno, name))
                self._walk(node.body, name + ".")

    def at(self, line: int) -> str | None:
        inside = [span for span in self._spans if span[0] <= line <= span[1]]
        return min(inside, key=lambda span: span[1] - span[0])[2] if inside else None


def _list(value: object, what: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise HarnessError(f"{what} must be a list of objects")
    return value


def _ints(value: object, what: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, int) for item in value):
        raise HarnessError(f"{what} must be a list of line numbers")
    return value


def _int(item: dict, key: str) -> int:
    value = item.get(key)
    if not isinstance(value, int):
        raise HarnessError(f"'{key}' must be a line number")
    return value
