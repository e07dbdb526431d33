"""Edits of one statement of one test function, found by its line: replace the expected literal of
an equality assertion with the observed value (or compare it with `pytest.approx`), or wrap the raising
call in `pytest.raises` / `self.assertRaises` (the statements after it never ran, so they go)."""

from __future__ import annotations

import ast
import builtins
from typing import Any, Optional

from ..errors import HarnessError
from ..execute.operands import compared_nodes
from .definitions import definition
from .imports import add_import
from .text import indent_of, parse, replace_lines, replace_span, segment

Function = (ast.FunctionDef, ast.AsyncFunctionDef)


def _shorten(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def function_named(tree: ast.Module, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    node = definition(tree, name)
    if not isinstance(node, Function):
        raise HarnessError(f"no function {name} in the suite")
    return node


def statement_in(function: ast.stmt, line: int) -> Optional[ast.stmt]:
    """The innermost statement of the function's body that spans `line`."""
    found: Optional[ast.stmt] = None
    for node in ast.walk(function):
        if node is function or not isinstance(node, ast.stmt):
            continue
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            if found is None or (node.lineno >= found.lineno and (node.end_lineno or 0) <= (found.end_lineno or 0)):
                found = node
    return found


def _literal(node: ast.expr) -> tuple[bool, Any]:
    try:
        return True, ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def _expected_literal(source: str, name: str, line: int) -> tuple[ast.stmt, ast.expr]:
    """The failing `==` assertion at `line` of `name` and its one literal side."""
    tree = parse(source, "the module")
    function = function_named(tree, name)
    statement = statement_in(function, line)
    if statement is None:
        raise HarnessError(f"the failing assertion (line {line}) is not in {name}")
    sides = compared_nodes(statement)
    if sides is None:
        raise HarnessError(f"line {statement.lineno} is not a single `==` comparison or assertEqual call")
    (left_ok, _), (right_ok, _) = _literal(sides[0]), _literal(sides[1])
    if left_ok == right_ok:
        raise HarnessError(f"line {statement.lineno} does not compare a call with one literal expected value")
    return statement, sides[1] if right_ok else sides[0]


def approx_expected(source: str, name: str, line: int) -> tuple[str, str]:
    """The expected literal of a float comparison wrapped in `pytest.approx`: equal within rounding."""
    statement, expected = _expected_literal(source, name, line)
    old_text = segment(source, expected)
    patched = add_import(replace_span(source, expected, f"pytest.approx({old_text})"), "import pytest")
    parse(patched, "the patched module")
    return patched, f"expected value `{_shorten(old_text)}` compared with pytest.approx (line {statement.lineno})"


def replace_expected(source: str, name: str, line: int, value: str) -> tuple[str, str]:
    statement, expected = _expected_literal(source, name, line)
    try:
        observed = ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise HarnessError(f"the observed value `{_shorten(value)}` cannot be written as a literal") from None
    old = ast.literal_eval(expected)
    if type(old) is type(observed) and old == observed:
        raise HarnessError("the observed value is the expected one as written; the comparison fails for another reason")
    old_text = segment(source, expected)
    patched = replace_span(source, expected, value)
    parse(patched, "the patched module")
    return patched, (f"expected value `{_shorten(old_text)}` replaced by the observed `{_shorten(value)}` "
                     f"(line {statement.lineno})")


def _call_of(statement: ast.stmt) -> Optional[ast.expr]:
    """What runs inside the raises block: the call side of an assertion, an assignment's value, a call."""
    sides = compared_nodes(statement)
    if sides is not None:
        left, right = (_literal(node)[0] for node in sides)
        if right and not left:
            return sides[0]
        if left and not right:
            return sides[1]
        return statement.test if isinstance(statement, ast.Assert) else None
    if isinstance(statement, ast.Assert):
        return statement.test
    if isinstance(statement, (ast.Assign, ast.AnnAssign)):
        return statement.value
    if isinstance(statement, ast.Expr):
        call = statement.value
        method = call.func.attr if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) else ""
        return None if method.startswith("assert") else call
    return None


def exception_import(tree: ast.Module, exception: str, module: Optional[str]) -> tuple[str, Optional[str]]:
    """The name to write for the exception, and the import it needs (None when none is needed)."""
    if not module or module == "builtins":
        if not isinstance(getattr(builtins, exception, None), type):
            raise HarnessError(f"{exception} is not a built-in exception; its module is needed to import it")
        return exception, None
    name = exception[len(module) + 1:] if exception.startswith(module + ".") else exception
    top = name.split(".")[0]
    if module == "__main__" or not all(part.isidentifier() for part in [*module.split("."), *name.split(".")]):
        raise HarnessError(f"{exception} cannot be imported into the test")
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == top for a in node.names):
            return name, None
    return name, f"from {module} import {top}"


def _unittest_style(tree: ast.Module, function: ast.stmt, source: str) -> bool:
    is_method = isinstance(function, Function) and bool(function.args.args) and function.args.args[0].arg == "self"
    imports_pytest = any(isinstance(node, ast.Import) and any(a.name == "pytest" for a in node.names)
                         for node in tree.body)
    return is_method and not imports_pytest and "unittest" in source


def expect_raises(source: str, name: str, line: int, exception: str, module: Optional[str]) -> tuple[str, str]:
    tree = parse(source, "the module")
    function = function_named(tree, name)
    statement = statement_in(function, line)
    if statement is None:
        raise HarnessError(f"the statement that raised (line {line}) is not in {name}")
    if statement not in function.body:
        raise HarnessError(f"line {statement.lineno} is inside a nested block")
    call = _call_of(statement)
    if call is None:
        raise HarnessError(f"line {statement.lineno} is not an assertion, assignment or call that can be wrapped")
    shown, import_line = exception_import(tree, exception, module)
    unittest_style = _unittest_style(tree, function, source)
    indent = indent_of(source, statement)
    header = f"with self.assertRaises({shown}):" if unittest_style else f"with pytest.raises({shown}):"
    call_lines = segment(source, call).split("\n")
    # Continuation lines keep their own indentation, one level deeper like the first.
    block = [indent + header, indent + "    " + call_lines[0], *("    " + rest for rest in call_lines[1:])]
    dropped = sum(1 for node in function.body if node.lineno > (statement.end_lineno or statement.lineno))
    patched = replace_lines(source, statement.lineno, function.end_lineno or statement.lineno, block)
    if not unittest_style:
        patched = add_import(patched, "import pytest")
    if import_line is not None:
        patched = add_import(patched, import_line)
    parse(patched, "the patched module")
    detail = (f"{shown} raised by the code under test is now expected with "
              f"{'assertRaises' if unittest_style else 'pytest.raises'} (line {statement.lineno})")
    if dropped:
        detail += f"; {dropped} statement(s) after it never ran and were dropped"
    return patched, detail
