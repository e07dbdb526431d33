"""`answer`: a model's reply turned into a test module, or the reason it cannot be one.

The code is taken from the markdown fences (the python ones first; all of them joined when there are
several) or, without fences, the whole reply; it must parse and hold tests. What the rules forbid is
removed with the AST: an `if __name__ == "__main__":` block, and pytest imports in a unittest or
Django module (only when nothing else uses the name)."""

from __future__ import annotations

import ast
import re
import textwrap
from typing import Any

from .errors import HarnessError
from .source import split_lines
from .static import count_tests

STYLES = ("pytest", "unittest", "django")
_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([\w+-]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
_PYTHON_TAGS = ("", "python", "py", "python3")


def run(request: dict) -> dict:
    text, style = request.get("text"), request.get("style") or "pytest"
    if not isinstance(text, str):
        raise HarnessError("text is required (the model's reply)")
    if style not in STYLES:
        raise HarnessError(f"style must be one of {', '.join(STYLES)}")
    code, fenced = extract_code(text)
    reply: dict[str, Any] = {"source": None, "fenced": fenced, "removed": [], "test_count": 0, "problem": None}
    if not code.strip():
        reply["problem"] = {"kind": "no_code", "message": "the reply holds no code"}
        return reply
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        reply["problem"] = {"kind": "syntax_error",
                            "message": f"the code does not parse: line {error.lineno}: {error.msg}"}
        return reply
    code, removed = strip_forbidden(code, tree, style)
    reply["removed"] = removed
    tests = count_tests(ast.parse(code))
    reply["test_count"] = tests
    if tests == 0:
        reply["problem"] = {"kind": "no_tests", "message": "the code defines no test function or test class"}
        return reply
    reply["source"] = code
    return reply


def extract_code(text: str) -> tuple[str, bool]:
    """The fenced python blocks joined (any fenced blocks when none is tagged python), else the text."""
    blocks = [(match.group(2).lower(), match.group(3)) for match in _FENCE.finditer(text)]
    if not blocks:
        return textwrap.dedent(text).strip("\n") + "\n", False
    python = [body for tag, body in blocks if tag in _PYTHON_TAGS] or [body for _, body in blocks]
    return "\n\n".join(textwrap.dedent(body).strip("\n") for body in python) + "\n", True


def strip_forbidden(code: str, tree: ast.Module, style: str) -> tuple[str, list[str]]:
    lines = split_lines(code)
    drop: set[int] = set()
    removed: list[str] = []
    for node in tree.body:
        if _is_main_guard(node):
            drop.update(range(node.lineno - 1, node.end_lineno or node.lineno))
            removed.append('if __name__ == "__main__" block')
    if style != "pytest":
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        for node in tree.body:
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            if _imports_only_pytest(node) and not (_bound(node) & used):
                drop.update(range(node.lineno - 1, node.end_lineno or node.lineno))
                removed.append(f"pytest import in a {style} module (line {node.lineno})")
    kept = "".join(line for index, line in enumerate(lines) if index not in drop)
    return kept.rstrip("\n") + "\n", removed


def _is_main_guard(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    sides = [node.test.left, *node.test.comparators]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and any(
        isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)


def _bound(node: ast.Import | ast.ImportFrom) -> set[str]:
    return {(alias.asname or alias.name).split(".")[0] for alias in node.names}


def _imports_only_pytest(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import):
        return all(alias.name.split(".")[0] == "pytest" for alias in node.names)
    return isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("pytest", "_pytest")
