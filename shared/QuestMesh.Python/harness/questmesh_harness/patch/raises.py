"""Change the exception a test expects: in the `with pytest.raises(E)` / `with self.assertRaises(E)` block
around a line (or a `pytest.raises(E, function, ...)` call on it), `E` becomes the exception the code
under test raised there."""

from __future__ import annotations

import ast
from typing import Optional

from ..errors import HarnessError
from .imports import add_import
from .statements import exception_import, function_named, statement_in
from .text import parse, replace_span, segment

RAISES = ("raises", "assertRaises", "assertRaisesRegex")


def _raises_call(node: ast.expr) -> Optional[ast.Call]:
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in RAISES:
            return node
    return None


def _enclosing(function: ast.stmt, line: int) -> Optional[ast.Call]:
    """The raises call of the innermost `with` block whose body spans `line`, else one on the line."""
    found: Optional[ast.Call] = None
    for node in ast.walk(function):
        if isinstance(node, (ast.With, ast.AsyncWith)) and node.body:
            if node.body[0].lineno <= line <= (node.body[-1].end_lineno or node.body[-1].lineno):
                for item in node.items:
                    found = _raises_call(item.context_expr) or found
    if found is None:
        statement = statement_in(function, line)
        for node in ast.walk(statement) if statement is not None else []:
            call = _raises_call(node) if isinstance(node, ast.Call) and len(node.args) >= 2 else None
            found = found or call
    return found


def replace_raises(source: str, name: str, line: int, exception: str, module: Optional[str]) -> tuple[str, str]:
    tree = parse(source, "the module")
    function = function_named(tree, name)
    call = _enclosing(function, line)
    if call is None:
        raise HarnessError(f"line {line} of {name} is not inside pytest.raises or assertRaises")
    shown, import_line = exception_import(tree, exception, module)
    old = segment(source, call.args[0])
    if old == shown:
        raise HarnessError(f"{name} already expects {shown}")
    match = next((keyword for keyword in call.keywords if keyword.arg == "match"), None)
    if match is not None:
        # The message pattern was written for the other exception; the class alone is what the code shows.
        patched = replace_span(source, call, f"{segment(source, call.func)}({shown})")
    else:
        patched = replace_span(source, call.args[0], shown)
    if import_line is not None:
        patched = add_import(patched, import_line)
    parse(patched, "the patched module")
    detail = f"expected exception `{old}` replaced by `{shown}`, which the code under test raised (line {call.lineno})"
    return patched, detail + ("; its `match` pattern was dropped" if match is not None else "")
