"""Replace, insert or delete one test function, class or method by name; the rest stays byte-identical."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from typing import Optional

from ..errors import HarnessError

OPS = ("replace", "insert", "delete")
Definition = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Span:
    """Lines [start, end) (0-based) of one definition, decorators included, and its indentation."""
    start: int
    end: int
    indent: str


def patch_source(source: str, op: str, name: str, code: str = "") -> str:
    tree = _parse(source, "the module")
    lines = source.splitlines(keepends=True)
    span = find(tree, lines, name)
    if op == "delete":
        return source if span is None else delete(lines, span)
    if op == "replace" and span is None:
        raise HarnessError(f"no function or class named {name} in the module")
    new_code = _normalise(code)
    _parse(new_code, "code")
    if span is not None:
        result = "".join(lines[:span.start]) + _indent(new_code, span.indent) + "".join(lines[span.end:])
    else:
        result = append(source, tree, lines, name, new_code)
    _parse(result, "the patched module")
    return result


def _parse(text: str, what: str) -> ast.Module:
    try:
        return ast.parse(text)
    except SyntaxError as error:
        raise HarnessError(f"{what} does not parse: line {error.lineno}: {error.msg}") from error


def _normalise(code: str) -> str:
    return textwrap.dedent(code).strip("\n") + "\n"


def _indent(code: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in code.splitlines(keepends=True))


def _lookup(body: list[ast.stmt], name: str) -> Optional[ast.stmt]:
    found = None
    for node in body:
        if isinstance(node, Definition) and node.name == name:
            found = node  # the last definition wins, as it does when Python runs the module
    return found


def definition(tree: ast.Module, name: str) -> Optional[ast.stmt]:
    """The function, class or method `name` (`Class.method`), the last definition of it."""
    owner, _, member = name.rpartition(".")
    body = tree.body
    if owner:
        cls = _lookup(tree.body, owner)
        if not isinstance(cls, ast.ClassDef):
            return None
        body = cls.body
    return _lookup(body, member)


def find(tree: ast.Module, lines: list[str], name: str) -> Optional[Span]:
    node = definition(tree, name)
    if node is None:
        return None
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
    first = lines[start]
    return Span(start, node.end_lineno, first[: len(first) - len(first.lstrip())])


def delete(lines: list[str], span: Span) -> str:
    end = span.end
    # Take the blank lines after the definition with it, so the spacing around the gap stays as it was.
    while end < len(lines) and not lines[end].strip():
        end += 1
    if end == len(lines):
        start = span.start
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        return "".join(lines[:start])
    return "".join(lines[:span.start] + lines[end:])


def append(source: str, tree: ast.Module, lines: list[str], name: str, code: str) -> str:
    owner, _, _ = name.rpartition(".")
    if owner:
        cls = _lookup(tree.body, owner)
        if not isinstance(cls, ast.ClassDef):
            raise HarnessError(f"no class named {owner} in the module")
        member_indent = _class_member_indent(cls, lines)
        head = "".join(lines[:cls.end_lineno])
        head = head if head.endswith("\n") else head + "\n"
        return head + "\n" + _indent(code, member_indent) + "".join(lines[cls.end_lineno:])
    main_guard = _main_guard(tree)
    if main_guard is not None:
        # New tests go above `if __name__ == "__main__":` so unittest.main() sees them.
        start = main_guard.lineno - 1
        return "".join(lines[:start]) + code + "\n\n" + "".join(lines[start:])
    text = source if source.endswith("\n") or not source else source + "\n"
    text = text.rstrip("\n") + "\n\n\n" if text.strip() else ""
    return text + code


def _class_member_indent(cls: ast.ClassDef, lines: list[str]) -> str:
    first = lines[cls.body[0].lineno - 1]
    return first[: len(first) - len(first.lstrip())]


def _main_guard(tree: ast.Module) -> Optional[ast.If]:
    for node in tree.body:
        if isinstance(node, ast.If) and "__name__" in ast.unparse(node.test) and "__main__" in ast.unparse(node.test):
            return node
    return None
