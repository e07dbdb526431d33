"""The operands of a failing equality assertion, from the values themselves.

pytest hands the compared objects to ``pytest_assertrepr_compare`` when a rewritten ``assert a == b``
fails; a unittest ``assertEqual(first, second)`` leaves them in its frame's locals. Which operand is
the literal the test expected is read from the failing statement's syntax tree, and the other one's
value is offered as ``observed`` when its ``repr`` reads back as an equal literal.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Optional

REPR_CAP = 500
OBSERVED_CAP = 2_000
EQUAL_ASSERTS = ("assertEqual", "assertEquals")


@dataclass(frozen=True)
class Operands:
    op: str
    left: Any
    right: Any
    style: str  # pytest | unittest


def _repr(value: Any) -> str:
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ in the code under test
        text = f"<{type(value).__name__} object>"
    return text


def as_literal(value: Any) -> Optional[str]:
    """``repr(value)`` when it is a Python literal that evaluates back to an equal value of the same type."""
    text = _repr(value)
    if len(text) > OBSERVED_CAP:
        return None
    try:
        back = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    try:
        same = type(back) is type(value) and bool(back == value)
    except Exception:
        return None
    return text if same else None


def unittest_operands(tb: TracebackType | None) -> Optional[Operands]:
    """``first`` and ``second`` of the outermost unittest ``assertEqual`` frame of the traceback."""
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name in EQUAL_ASSERTS and frame.f_code.co_filename.endswith("unittest/case.py"):
            local = frame.f_locals
            if "first" in local and "second" in local:
                return Operands("==", local["first"], local["second"], "unittest")
        tb = tb.tb_next
    return None


def _is_literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def compared_nodes(statement: ast.stmt) -> Optional[tuple[ast.expr, ast.expr]]:
    """The two sides of ``assert a == b[, msg]`` or ``self.assertEqual(a, b[, msg])``."""
    if isinstance(statement, ast.Assert):
        test = statement.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
            return test.left, test.comparators[0]
        return None
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        call = statement.value
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in EQUAL_ASSERTS and len(call.args) >= 2:
            return call.args[0], call.args[1]
    return None


def statement_at(tree: ast.Module, line: int) -> Optional[ast.stmt]:
    """The innermost statement that spans ``line``."""
    found: Optional[ast.stmt] = None
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if found is None or node.lineno >= found.lineno and (node.end_lineno or 0) <= (found.end_lineno or 0):
                found = node
    return found


def expected_side(test_file: Path, line: int) -> Optional[str]:
    """``left`` or ``right``: the side of the failing comparison written as a literal (when only one is)."""
    try:
        tree = ast.parse(test_file.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return None
    statement = statement_at(tree, line)
    sides = compared_nodes(statement) if statement is not None else None
    if sides is None:
        return None
    left, right = (_is_literal(node) for node in sides)
    if left == right:
        return None
    return "left" if left else "right"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def close(left: Any, right: Any) -> bool:
    """Unequal numbers (at least one a float) within float rounding of each other, alone or as the items of
    lists, tuples or dicts of the same shape: what ``pytest.approx`` would accept."""
    if _number(left) and _number(right):
        floats = isinstance(left, float) or isinstance(right, float)
        return floats and left != right and math.isclose(left, right, rel_tol=1e-6, abs_tol=1e-12)
    if isinstance(left, (list, tuple)) and type(left) is type(right) and len(left) == len(right) and left:
        pairs = list(zip(left, right))
    elif isinstance(left, dict) and isinstance(right, dict) and left and left.keys() == right.keys():
        pairs = [(left[key], right[key]) for key in left]
    else:
        return False
    if not all(_number(a) and _number(b) for a, b in pairs):
        return False
    return any(close(a, b) for a, b in pairs) and all(a == b or close(a, b) for a, b in pairs)


def describe_operands(captured: Optional[Operands], tb: TracebackType | None, test_file: Path,
                      line: int) -> Optional[dict]:
    operands = captured or unittest_operands(tb)
    if operands is None:
        return None
    side = expected_side(test_file, line) if operands.op == "==" else None
    observed = None
    if side is not None:
        observed = as_literal(operands.right if side == "left" else operands.left)
    left, right = _repr(operands.left), _repr(operands.right)
    return {
        "op": operands.op,
        "left": left[:REPR_CAP],
        "right": right[:REPR_CAP],
        "style": operands.style,
        "expected_side": side,
        "observed": observed,
        "close": operands.op == "==" and close(operands.left, operands.right),
    }
