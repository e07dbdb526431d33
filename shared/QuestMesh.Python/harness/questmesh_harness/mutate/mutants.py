"""Walk a module's syntax tree and list its mutants, in source order.

The walk also records, per mutant, what the runner must know: whether the changed code runs at
import (module and class bodies, default values, decorators) or when a function is called, and
which module-level statement holds it. Code that no test can meaningfully reach is left alone:
docstrings, annotations, ``__all__`` and the module's metadata (``__version__``, ``__author__``, ...: no
code reads them; mutmut leaves the same names alone), ``if __name__ == "__main__":`` and ``if TYPE_CHECKING:``
blocks, and lines marked ``# pragma: no mutate``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Optional

from .model import FUNCTION_SCOPE, MODULE_SCOPE, Mutant
from .operators import mutations_for

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SKIPPED_FIELDS = {"annotation", "returns", "type_comment"}
Unit = tuple[ast.AST, ...]


@dataclass(frozen=True)
class ParsedModule:
    source: str
    lines: list[str]
    tree: ast.Module


def parse_module(source: str, filename: str) -> ParsedModule:
    return ParsedModule(source, source.splitlines(), ast.parse(source, filename=filename))


def _is_main_guard(node: ast.AST) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    parts = [node.test.left, *node.test.comparators]
    names = {p.id for p in parts if isinstance(p, ast.Name)}
    values = {p.value for p in parts if isinstance(p, ast.Constant)}
    return names == {"__name__"} and values == {"__main__"}


def _is_type_checking(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING") or (
        isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING")


METADATA = frozenset({"__all__", "__version__", "__title__", "__package_name__", "__author__", "__description__",
                      "__email__", "__license__", "__copyright__", "__credits__", "__maintainer__", "__status__",
                      "__date__", "__docformat__", "__url__", "__uri__", "__summary__", "__contact__"})


def _assigns_all(node: ast.AST) -> bool:
    """`__all__ = [...]`, `__version__ = '1.0'`: the module's export list and metadata."""
    targets = node.targets if isinstance(node, ast.Assign) else (
        [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
    return any(isinstance(t, ast.Name) and t.id in METADATA for t in targets)


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(
        node.value.value, str)


@dataclass(frozen=True)
class _Where:
    """Where the walk is: what a mutant found here must remember."""

    scope: str              # FUNCTION_SCOPE or MODULE_SCOPE
    top: int                # index of the module-level statement
    statement: ast.stmt     # innermost enclosing statement
    unit: Optional[Unit]    # classes down to the outermost function, while that chain exists
    in_while: bool = False  # inside a while loop of the same function: a mutant may hang
    callee: Optional[tuple[int, int]] = None  # in a def's default values: its body's lines
    function: Optional[str] = None  # name of the innermost enclosing def

    def enter(self, node: ast.AST, field_name: str, child: ast.AST) -> "_Where":
        scope, in_while, callee, function = self.scope, self.in_while, self.callee, self.function
        if field_name == "body" and isinstance(node, (*_FUNCTIONS, ast.Lambda)):
            scope, in_while, callee = FUNCTION_SCOPE, False, None
            function = getattr(node, "name", function)
        elif (field_name == "args" and isinstance(node, (*_FUNCTIONS, ast.Lambda))
              and scope == MODULE_SCOPE):
            body = node.body[0] if isinstance(node.body, list) else node.body
            callee = (body.lineno, node.end_lineno or body.lineno)
        elif isinstance(node, ast.While) and field_name in ("test", "body"):
            in_while = True
        statement = child if isinstance(child, ast.stmt) else self.statement
        return _Where(scope, self.top, statement, _child_unit(self.unit, node, field_name, child),
                      in_while, callee, function)


def _qualname(where: _Where) -> str:
    """`Cart.total` for a change in a method (its classes, then its outermost function), else the innermost def."""
    if where.unit and isinstance(where.unit[-1], _FUNCTIONS):
        return ".".join(getattr(node, "name", "") for node in where.unit)
    return where.function or "" if where.scope == FUNCTION_SCOPE else ""


class _Walker:
    def __init__(self, parsed: ParsedModule) -> None:
        self.parsed = parsed
        self.no_mutate = {i + 1 for i, text in enumerate(parsed.lines) if "pragma: no mutate" in text}
        self.found: list[Mutant] = []
        self._function_of: dict[int, Optional[str]] = {}

    def walk(self) -> list[Mutant]:
        for index, statement in enumerate(self.parsed.tree.body):
            unit = (statement,) if isinstance(statement, (ast.ClassDef, *_FUNCTIONS)) else None
            where = _Where(MODULE_SCOPE, index, statement, unit)
            self._visit(statement, self.parsed.tree, "body", index, where)
        self._mark_callees_of_loops()
        self.found.sort(key=lambda m: (m.line, m.col, m.id))
        for number, mutant in enumerate(self.found, start=1):
            mutant.id = number
        return self.found

    def _visit(self, node: ast.AST, parent: ast.AST, field_name: str, position: Optional[int],
               where: _Where) -> None:
        if _is_docstring(node) or _is_main_guard(node) or _assigns_all(node) or isinstance(
                node, ast.JoinedStr):
            return
        if getattr(node, "lineno", None) not in self.no_mutate:
            for operator, replacement in mutations_for(node, parent, field_name):
                self._record(node, parent, field_name, position, operator, replacement, where)
        for child_field, value in ast.iter_fields(node):
            if child_field in _SKIPPED_FIELDS:
                continue
            if isinstance(node, ast.If) and child_field != "orelse" and _is_type_checking(node.test):
                continue
            if isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        self._visit(child, node, child_field, i, where.enter(node, child_field, child))
            elif isinstance(value, ast.AST):
                self._visit(value, node, child_field, None, where.enter(node, child_field, value))

    def _record(self, node: ast.AST, parent: ast.AST, field_name: str, position: Optional[int],
                operator: str, replacement: ast.AST, where: _Where) -> None:
        original, mutated = self._texts(node, replacement)
        line_text = self.parsed.lines[node.lineno - 1] if node.lineno <= len(self.parsed.lines) else ""
        col = len(line_text.encode("utf-8")[: node.col_offset].decode("utf-8", errors="replace"))
        unit = where.unit
        self.found.append(Mutant(
            id=len(self.found), line=node.lineno, col=col,
            end_line=getattr(node, "end_lineno", None) or node.lineno, operator=operator,
            original=original, mutated=mutated, scope=where.scope, top_index=where.top,
            owner=parent, field_name=field_name, position=position, replacement=replacement,
            anchor_lines=_anchor_lines(where.statement),
            unit=unit if unit and isinstance(unit[-1], _FUNCTIONS) else None,
            may_hang=where.in_while, callee_lines=where.callee, function=_qualname(where),
        ))
        self._function_of[id(self.found[-1])] = where.function

    def _mark_callees_of_loops(self) -> None:
        """A function called from a while loop can hang its caller (it stops consuming what
        the loop waits on): its mutants count as may-hang too, for scheduling only."""
        called: set[str] = set()
        for loop in ast.walk(self.parsed.tree):
            if isinstance(loop, ast.While):
                for node in ast.walk(loop):
                    if isinstance(node, ast.Call):
                        func = node.func
                        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                        if name:
                            called.add(name)
        for mutant in self.found:
            if self._function_of.get(id(mutant)) in called:
                mutant.may_hang = True

    def _texts(self, node: ast.AST, replacement: ast.AST) -> tuple[str, str]:
        """The changed line before and after, so a reader sees the change in context."""
        new_text = ast.unparse(replacement)
        if node.lineno == node.end_lineno:
            raw = self.parsed.lines[node.lineno - 1].encode("utf-8")
            changed = raw[: node.col_offset] + new_text.encode("utf-8") + raw[node.end_col_offset:]
            return raw.decode("utf-8").strip(), changed.decode("utf-8", errors="replace").strip()
        return self._segment(node).strip(), new_text

    def _segment(self, node: ast.AST) -> str:
        # ast.get_source_segment re-splits the whole source on every call: too slow per mutant.
        rows = [line.encode("utf-8") for line in self.parsed.lines[node.lineno - 1: node.end_lineno]]
        rows[-1] = rows[-1][: node.end_col_offset]
        rows[0] = rows[0][node.col_offset:]
        return b"\n".join(rows).decode("utf-8", errors="replace")


def _child_unit(unit: Optional[Unit], node: ast.AST, field_name: str,
                child: ast.AST) -> Optional[Unit]:
    if unit is None or isinstance(unit[-1], _FUNCTIONS):
        return unit  # no chain, or the function is found: it holds for the whole subtree
    if node is unit[-1] and field_name == "body" and isinstance(child, (ast.ClassDef, *_FUNCTIONS)):
        return (*unit, child)
    return None


def _anchor_lines(statement: ast.stmt) -> tuple[int, ...]:
    """Lines whose execution means the mutated code may have run: the enclosing statement's
    first line and its decorators (coverage does not always see a line event on every line of
    a multi-line statement, e.g. folded default values)."""
    decorators = getattr(statement, "decorator_list", None) or []
    return tuple(sorted({statement.lineno, *(d.lineno for d in decorators)}))


def generate_mutants(parsed: ParsedModule) -> list[Mutant]:
    """Every mutant of the module, numbered from 1 in source order (stable for a given source)."""
    return _Walker(parsed).walk()
