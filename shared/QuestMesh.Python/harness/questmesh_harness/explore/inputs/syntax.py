"""Reading the target's syntax for hints: literals, the parameter (or element of one, or `self.attr`) an
expression names, and names spelled as dotted paths."""

from __future__ import annotations

import ast
from typing import Any, Optional

Scalar = Any  # int | float | str | bytes | None
MAX_STR = 60


def elements(node: ast.AST, constants: dict[str, Any]) -> list[ast.AST]:
    """The literal members of a container expression, or of a module constant holding one."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return list(node.elts)
    value = constants.get(node.id) if isinstance(node, ast.Name) else None
    if isinstance(value, (tuple, list, set, frozenset)):
        return [ast.Constant(v) for v in value if isinstance(v, (int, float, str, bytes))]
    if isinstance(value, dict):
        return [ast.Constant(k) for k in value if isinstance(k, (int, float, str, bytes))]
    return []


def literal(node: ast.AST, constants: dict[str, Any]) -> tuple[bool, Scalar]:
    if isinstance(node, ast.Name) and isinstance(constants.get(node.id), (int, float, str, bytes)) \
            and not isinstance(constants[node.id], bool):
        node = ast.Constant(constants[node.id])
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bytes, type(None))):
        if isinstance(node.value, (str, bytes)) and len(node.value) > MAX_STR:
            return False, None
        return True, node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and isinstance(node.operand.value, (int, float)) and not isinstance(node.operand.value, bool):
        return True, -node.operand.value
    return False, None


def is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


class Params(set):
    """A function's parameter names, and the local names that stand for one element of a parameter (`for line
    in lines`, `for i, line in enumerate(lines)`): what the code does with those says what the elements are."""
    elements: dict[str, str]


def parameters(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> Params:
    args = fn.args
    params = Params({a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]} - {"self", "cls"})
    params.elements = {}
    for node in ast.walk(fn):
        if not isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            continue
        target, source = node.target, node.iter
        if isinstance(source, ast.Call) and isinstance(source.func, ast.Name) and source.func.id == "enumerate" \
                and source.args and isinstance(target, ast.Tuple) and len(target.elts) == 2:
            target, source = target.elts[1], source.args[0]
        if isinstance(target, ast.Name) and isinstance(source, ast.Name) and source.id in params:
            params.elements.setdefault(target.id, source.id)
    return params


def subject(node: ast.AST, params: set[str], scope: str, owner: Optional[str]) -> Optional[tuple[str, str]]:
    """The hint key of an expression naming a parameter or a `self.attr`; `(scope, "lines[]")` for one element
    of a parameter (`lines[0]`, or the loop variable of `for line in lines`)."""
    if isinstance(node, ast.Name) and node.id in params:
        return scope, node.id
    items = getattr(params, "elements", {})
    if isinstance(node, ast.Name) and node.id in items:
        return scope, items[node.id] + "[]"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in params \
            and not isinstance(node.slice, ast.Slice):
        return scope, node.value.id + "[]"
    if owner and isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return owner + ".", node.attr
    return None


def len_subject(node: ast.AST, params: set[str], scope: str, owner: Optional[str]) -> Optional[tuple[str, str]]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1:
        return subject(node.args[0], params, scope, owner)
    return None


def dotted(node: ast.AST) -> bool:
    """A name or a dotted name (`YEARLY`, `re.match`, `Kind.RED`), not `self.x` or a call."""
    if isinstance(node, ast.Attribute):
        return dotted(node.value)
    return isinstance(node, ast.Name) and node.id not in ("self", "cls", "None", "True", "False")


def add_new(found: list[str], item: str) -> None:
    if item not in found:
        found.append(item)
