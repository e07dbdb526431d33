"""A quick in-process mutant screen for choosing tests: which kept calls notice which small changes.

This is not the `mutate` command (that one scores a finished suite in forked children). Here each mutant
of the target is compiled from a changed syntax tree and run in a module object of its own, and every
kept call that reaches the mutant's line is run against it; a call kills the mutant when the assertions
it would get differ. The explore search then keeps calls that kill mutants nothing else kills.
"""

from __future__ import annotations

import ast
import os
import random
import time
import types
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from ._explore_hints import MAX_STR

HANG = 2  # what a `kills` callback returns when the mutant made the call overrun its time limit
SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Add: ast.Sub, ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv, ast.And: ast.Or,
    ast.Or: ast.And,
}


OPERATORS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.Is: "is",
             ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
             ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.And: "and", ast.Or: "or"}


@dataclass(frozen=True)
class Mutant:
    id: int
    line: int
    original: str
    mutated: str
    code: types.CodeType


@dataclass
class _Point:
    node: ast.AST
    field: str  # attribute of node to change ("op", "ops", "value", "operand")
    index: int  # for lists (Compare.ops), else -1
    replacement: object
    line: int


def _points(tree: ast.Module) -> Iterator[_Point]:
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, (ast.BinOp, ast.AugAssign, ast.BoolOp)) and type(node.op) in SWAPS:
            yield _Point(node, "op", -1, SWAPS[type(node.op)](), line)
        elif isinstance(node, ast.Compare):
            for index, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    yield _Point(node, "ops", index, SWAPS[type(op)](), line)
        elif isinstance(node, (ast.If, ast.While, ast.IfExp)):
            negated = ast.copy_location(ast.UnaryOp(op=ast.Not(), operand=node.test), node.test)
            yield _Point(node, "test", -1, negated, line)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            yield _Point(node, "value", -1, ast.copy_location(ast.Constant(value=None), node.value), line)
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            yield _Point(node, "value", -1, node.value + 1, line)
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            yield _Point(node, "value", -1, not node.value, line)
        elif isinstance(node, ast.Constant) and type(node.value) is str and 0 < len(node.value) <= MAX_STR \
                and line:
            yield _Point(node, "value", -1, "XX" + node.value, line)


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            found.add(id(first.value))
    return found


def generate(source: str, filename: str, lines: set[int], limit: int, rng: random.Random,
             prefer: set[int] = frozenset()) -> list[Mutant]:
    """Mutants on the given lines (the ones the search reached), at most `limit`, lines in `prefer` first."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    points = [p for p in _points(tree) if p.line in lines and id(p.node) not in skip]
    preferred = [p for p in points if p.line in prefer]
    others = [p for p in points if p.line not in prefer]
    if len(preferred) + len(others) > limit:
        others = rng.sample(others, max(0, limit - len(preferred)))
        others.sort(key=lambda p: points.index(p))
    mutants = []
    for number, point in enumerate((preferred + others)[:limit]):
        code = _compile_with(tree, point, filename)
        if code is not None:
            mutants.append(Mutant(number, point.line, *_describe(point), code))
    return mutants


def _compile_with(tree: ast.Module, point: _Point, filename: str) -> Optional[types.CodeType]:
    # Change the one node in place, compile, and put it back: cheaper than copying the tree per mutant.
    if point.index >= 0:
        container = getattr(point.node, point.field)
        saved = container[point.index]
        container[point.index] = point.replacement
    else:
        saved = getattr(point.node, point.field)
        setattr(point.node, point.field, point.replacement)
    try:
        return compile(tree, filename, "exec")
    except (SyntaxError, ValueError, TypeError):
        return None
    finally:
        if point.index >= 0:
            getattr(point.node, point.field)[point.index] = saved
        else:
            setattr(point.node, point.field, saved)


def _describe(point: _Point) -> tuple[str, str]:
    if isinstance(point.replacement, ast.AST):
        return ast.unparse(getattr(point.node, point.field)), ast.unparse(point.replacement)
    if point.field == "value":
        return repr(point.node.value), repr(point.replacement)
    current = getattr(point.node, point.field)
    current = current[point.index] if point.index >= 0 else current
    return OPERATORS.get(type(current), type(current).__name__), OPERATORS.get(type(point.replacement), "?")


def instantiate(mutant: Mutant, name: str, filename: str) -> Optional[types.ModuleType]:
    module = types.ModuleType(name)
    module.__file__ = filename
    # Relative imports (`from .keys import hashkey`) resolve through the package: without it every mutant of
    # a package module fails to import and none is screened.
    is_package = os.path.basename(filename) == "__init__.py"
    module.__package__ = name if is_package else name.rpartition(".")[0]
    if is_package:
        module.__path__ = [os.path.dirname(filename)]
    try:
        exec(mutant.code, module.__dict__)  # noqa: S102 - the target's own code, changed in one place
    except BaseException:  # noqa: BLE001 - a mutant whose import fails is simply not screened
        return None
    return module


def reach_map(source: str, first_lines: dict[int, int]) -> dict[int, frozenset[int]]:
    """Mutant line → the traced lines a call must run to reach it. A line inside a statement that spans lines
    is reached through the statement's first line (calls in a multi-line tuple or call); a module-level
    line (a table, a constant) runs at import, so it is reached through the lines that read its names."""
    tree = ast.parse(source)
    bound: dict[int, set[str]] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                bound[line] = names
    readers: dict[str, set[int]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load) and inner.lineno > node.lineno:
                    readers.setdefault(inner.id, set()).add(first_lines.get(inner.lineno, inner.lineno))
    found: dict[int, frozenset[int]] = {}
    for line in range(1, source.count("\n") + 2):
        if line in bound:
            found[line] = frozenset(x for name in bound[line] for x in readers.get(name, ()))
        else:
            found[line] = frozenset({first_lines.get(line, line)})
    return found


def screen(mutants: list[Mutant], viable: Callable[[Mutant], bool],
           reaches: dict[int, list[int]], kills: Callable[[Mutant, int], int],
           max_runs: int, deadline: float, killers_per_mutant: int = 3) -> dict[int, set[int]]:
    """call index → ids of the mutants it kills. `reaches` maps a line to the calls that run it; a few
    killers per mutant are enough to choose from, so the screen moves on after those."""
    killed: dict[int, set[int]] = {}
    runs = 0
    for mutant in mutants:
        callers = reaches.get(mutant.line, [])  # `reaches` is keyed by mutant line (see reach_map)
        if not callers or runs >= max_runs or time.perf_counter() > deadline:
            continue
        if not viable(mutant):
            continue
        found = 0
        for index in callers:
            runs += 1
            verdict = kills(mutant, index)
            if verdict:
                killed.setdefault(index, set()).add(mutant.id)
                found += 1
                # A hang costs a whole time limit per call; one caller that shows it is enough.
                if found >= killers_per_mutant or verdict == HANG or time.perf_counter() > deadline:
                    break
    return killed
