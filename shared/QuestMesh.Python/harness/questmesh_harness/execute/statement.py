"""What the test's failing statement says, from the test module's syntax tree: the call it made into the
target (for a possible-bug report), and the exception it expected when it failed inside ``pytest.raises``
or ``assertRaises`` with another one."""

from __future__ import annotations

import ast
import functools
from pathlib import Path
from typing import Optional

from .operands import statement_at

CALL_CAP = 300
RAISES = ("raises", "assertRaises", "assertRaisesRegex")


@functools.lru_cache(maxsize=8)
def _parsed(path: str, stamp: int) -> Optional[tuple[str, ast.Module]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        return text, ast.parse(text)
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return None


def _module(test_file: Path) -> Optional[tuple[str, ast.Module]]:
    try:
        return _parsed(str(test_file), test_file.stat().st_mtime_ns)
    except OSError:
        return None


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def target_call(test_file: Path, line: Optional[int], function: Optional[str]) -> Optional[str]:
    """The text of the call in the statement at ``line`` that entered ``function`` (a qualified name:
    ``Cart.total`` is called as ``.total(...)``, ``Cart.__init__`` as ``Cart(...)``)."""
    parsed = _module(test_file) if line is not None and function else None
    if parsed is None or function is None or line is None:
        return None
    text, tree = parsed
    statement = statement_at(tree, line)
    parts = function.split(".")
    wanted = parts[-2] if parts[-1] == "__init__" and len(parts) > 1 else parts[-1]
    for node in ast.walk(statement) if statement is not None else []:
        if isinstance(node, ast.Call) and _called_name(node) == wanted:
            segment = ast.get_source_segment(text, node)
            if segment:
                return segment if len(segment) <= CALL_CAP else segment[: CALL_CAP - 3] + "..."
    return None


def _expected(call: ast.expr, text: str) -> Optional[str]:
    if isinstance(call, ast.Call) and _called_name(call) in RAISES and call.args:
        return ast.get_source_segment(text, call.args[0])
    return None


def expected_exception(test_file: Path, line: Optional[int]) -> Optional[str]:
    """The exception the statement at ``line`` expected: the first argument of the innermost
    ``with pytest.raises(E)`` / ``with self.assertRaises(E)`` around it, or of a
    ``pytest.raises(E, function, ...)`` call on that line."""
    parsed = _module(test_file) if line is not None else None
    if parsed is None or line is None:
        return None
    text, tree = parsed
    found: Optional[str] = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.With, ast.AsyncWith)) and node.body:
            inside = node.body[0].lineno <= line <= (node.body[-1].end_lineno or node.body[-1].lineno)
            for item in node.items if inside else []:
                found = _expected(item.context_expr, text) or found
    statement = statement_at(tree, line)
    for node in ast.walk(statement) if statement is not None and found is None else []:
        if isinstance(node, ast.Call) and len(node.args) >= 2:
            found = _expected(node, text) or found
    return found
