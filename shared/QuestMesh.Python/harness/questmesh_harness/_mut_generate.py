"""Walk a module's syntax tree and list its mutants, in source order.

The walk also records, per mutant, what the runner must know: whether the changed code runs at
import (module and class bodies, default values, decorators) or when a function is called, and
which module-level statement holds it. Code that no test can meaningfully reach is left alone:
docstrings, annotations, ``__all__``, ``if __name__ == "__main__":`` and ``if TYPE_CHECKING:``
blocks, and lines marked ``# pragma: no mutate``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Optional

from ._mut_model import FUNCTION_SCOPE, MODULE_SCOPE, Mutant
from ._mut_operators import mutations_for

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SKIPPED_FIELDS = {"annotation", "returns", "type_comment"}


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


def _assigns_all(node: ast.AST) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else (
        [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
    return any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(
        node.value.value, str)


class _Walker:
    def __init__(self, parsed: ParsedModule) -> None:
        self.parsed = parsed
        self.no_mutate = {i + 1 for i, text in enumerate(parsed.lines) if "pragma: no mutate" in text}
        self.found: list[Mutant] = []

    def walk(self) -> list[Mutant]:
        for index, statement in enumerate(self.parsed.tree.body):
            self._visit(statement, self.parsed.tree, "body", index, MODULE_SCOPE, index)
        self.found.sort(key=lambda m: (m.line, m.col, m.id))
        for number, mutant in enumerate(self.found, start=1):
            mutant.id = number
        return self.found

    def _visit(self, node: ast.AST, parent: ast.AST, field_name: str, position: Optional[int],
               scope: str, top: int) -> None:
        if _is_docstring(node) or _is_main_guard(node) or _assigns_all(node) or isinstance(
                node, ast.JoinedStr):
            return
        if getattr(node, "lineno", None) not in self.no_mutate:
            for operator, replacement in mutations_for(node, parent, field_name):
                self._record(node, parent, field_name, position, operator, replacement, scope, top)
        for child_field, value in ast.iter_fields(node):
            if child_field in _SKIPPED_FIELDS:
                continue
            if isinstance(node, ast.If) and child_field == "body" and _is_type_checking(node.test):
                continue
            child_scope = scope
            if child_field == "body" and isinstance(node, (*_FUNCTIONS, ast.Lambda)):
                child_scope = FUNCTION_SCOPE
            if isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        self._visit(child, node, child_field, i, child_scope, top)
            elif isinstance(value, ast.AST):
                self._visit(value, node, child_field, None, child_scope, top)

    def _record(self, node: ast.AST, parent: ast.AST, field_name: str, position: Optional[int],
                operator: str, replacement: ast.AST, scope: str, top: int) -> None:
        original, mutated = self._texts(node, replacement)
        line_text = self.parsed.lines[node.lineno - 1] if node.lineno <= len(self.parsed.lines) else ""
        col = len(line_text.encode("utf-8")[: node.col_offset].decode("utf-8", errors="replace"))
        self.found.append(Mutant(
            id=len(self.found), line=node.lineno, col=col,
            end_line=getattr(node, "end_lineno", None) or node.lineno, operator=operator,
            original=original, mutated=mutated, scope=scope, top_index=top, owner=parent,
            field_name=field_name, position=position, replacement=replacement,
        ))

    def _texts(self, node: ast.AST, replacement: ast.AST) -> tuple[str, str]:
        """The changed line before and after, so a reader sees the change in context."""
        new_text = ast.unparse(replacement)
        if node.lineno == node.end_lineno:
            raw = self.parsed.lines[node.lineno - 1].encode("utf-8")
            changed = raw[: node.col_offset] + new_text.encode("utf-8") + raw[node.end_col_offset:]
            return raw.decode("utf-8").strip(), changed.decode("utf-8", errors="replace").strip()
        segment = ast.get_source_segment(self.parsed.source, node) or ast.unparse(node)
        return segment.strip(), new_text


def generate_mutants(parsed: ParsedModule) -> list[Mutant]:
    """Every mutant of the module, numbered from 1 in source order (stable for a given source)."""
    return _Walker(parsed).walk()
