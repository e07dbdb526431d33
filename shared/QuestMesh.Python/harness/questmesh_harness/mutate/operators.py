"""Mutation operators: for one syntax node, the replacement nodes worth trying.

Each operator is a small pure function of the node (and of the field it sits in, for the negated
condition). The set follows mutmut 2 (operators, comparisons, keywords, numbers, strings) plus
the classic PIT-style ones (negated conditions, return values, removed calls), so scores stay
comparable with what users know while catching more weak assertions.
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator

Mutation = tuple[str, ast.AST]  # (operator name, replacement node)

_ARITHMETIC: dict[type, type] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div, ast.Mod: ast.Mult, ast.Pow: ast.Mult,
}
_BITWISE: dict[type, type] = {
    ast.LShift: ast.RShift, ast.RShift: ast.LShift, ast.BitAnd: ast.BitOr,
    ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitAnd,
}
_BOUNDARY: dict[type, type] = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_COMPARISON: dict[type, type] = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_CONDITION_FIELDS: dict[type, str] = {ast.If: "test", ast.While: "test", ast.IfExp: "test"}


def _like(new: ast.AST, old: ast.AST) -> ast.AST:
    return ast.fix_missing_locations(ast.copy_location(new, old))


def binop(node: ast.BinOp) -> Iterator[Mutation]:
    for table, name in ((_ARITHMETIC, "arithmetic"), (_BITWISE, "bitwise")):
        swap = table.get(type(node.op))
        if swap is not None:
            yield name, _like(ast.BinOp(left=node.left, op=swap(), right=node.right), node)


def augassign(node: ast.AugAssign) -> Iterator[Mutation]:
    swap = _ARITHMETIC.get(type(node.op)) or _BITWISE.get(type(node.op))
    if swap is not None:
        yield "augmented_assignment", _like(
            ast.AugAssign(target=node.target, op=swap(), value=node.value), node)


def compare(node: ast.Compare) -> Iterator[Mutation]:
    for i, op in enumerate(node.ops):
        for table, name in ((_BOUNDARY, "boundary"), (_COMPARISON, "comparison")):
            swap = table.get(type(op))
            if swap is not None:
                ops = list(node.ops)
                ops[i] = swap()
                yield name, _like(ast.Compare(left=node.left, ops=ops,
                                              comparators=node.comparators), node)


def boolop(node: ast.BoolOp) -> Iterator[Mutation]:
    flipped = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    yield "boolean", _like(ast.BoolOp(op=flipped, values=node.values), node)


def unaryop(node: ast.UnaryOp) -> Iterator[Mutation]:
    if isinstance(node.op, (ast.Not, ast.USub, ast.Invert)):
        yield "unary", node.operand


def constant(node: ast.Constant) -> Iterator[Mutation]:
    value = node.value
    if isinstance(value, bool):
        yield "constant", _like(ast.Constant(value=not value), node)
    elif isinstance(value, (int, float)):
        yield "constant", _like(ast.Constant(value=value + 1), node)
    elif isinstance(value, str):
        yield "constant", _like(ast.Constant(value=f"XX{value}XX" if value else "XX"), node)
    elif isinstance(value, bytes):
        yield "constant", _like(ast.Constant(value=b"XX" + value + b"XX" if value else b"XX"), node)


def returned(node: ast.Return) -> Iterator[Mutation]:
    value = node.value
    if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
        yield "return_value", _like(ast.Return(value=ast.Constant(value=None)), node)


def _removable(call: ast.Call) -> bool:
    """Removing a call must not change what the function *is*: a yield would turn a generator
    into a plain function, a walrus would drop a name binding the compiler relies on."""
    return not any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await, ast.NamedExpr, ast.Lambda))
                   for n in ast.walk(call))


def expression_statement(node: ast.Expr) -> Iterator[Mutation]:
    if isinstance(node.value, ast.Call) and _removable(node.value):
        yield "remove_call", _like(ast.Pass(), node)


def loop_control(node: ast.AST) -> Iterator[Mutation]:
    if isinstance(node, ast.Break):
        yield "loop_control", _like(ast.Continue(), node)
    else:
        yield "loop_control", _like(ast.Break(), node)


def negated_condition(node: ast.AST) -> Iterator[Mutation]:
    yield "negate_condition", _like(ast.UnaryOp(op=ast.Not(), operand=node), node)


_BY_TYPE: dict[type, Callable[..., Iterator[Mutation]]] = {
    ast.BinOp: binop, ast.AugAssign: augassign, ast.Compare: compare, ast.BoolOp: boolop,
    ast.UnaryOp: unaryop, ast.Constant: constant, ast.Return: returned,
    ast.Expr: expression_statement, ast.Break: loop_control, ast.Continue: loop_control,
}


def mutations_for(node: ast.AST, parent: ast.AST | None, field_name: str) -> list[Mutation]:
    """All mutations of ``node``, which sits in ``parent.<field_name>``."""
    found: list[Mutation] = []
    operator = _BY_TYPE.get(type(node))
    if operator is not None:
        found.extend(operator(node))
    if parent is not None and _CONDITION_FIELDS.get(type(parent)) == field_name:
        found.extend(negated_condition(node))
    return found
