"""Line and span edits of a module's text, by ast positions (columns are UTF-8 byte offsets)."""

from __future__ import annotations

import ast

from ..errors import HarnessError
from ..source import Segments


def parse(text: str, what: str) -> ast.Module:
    try:
        return ast.parse(text)
    except SyntaxError as error:
        raise HarnessError(f"{what} does not parse: line {error.lineno}: {error.msg}") from error


def segment(source: str, node: ast.AST) -> str:
    text = Segments(source).text(node)
    if text is None:
        raise HarnessError("a node without a position")
    return text


def replace_span(source: str, node: ast.AST, new_text: str) -> str:
    """The source with the exact text of `node` replaced."""
    lines = source.splitlines(keepends=True)
    first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    head = lines[first].encode("utf-8")[: node.col_offset].decode("utf-8")
    tail = lines[last].encode("utf-8")[node.end_col_offset:].decode("utf-8")
    return "".join(lines[:first]) + head + new_text + tail + "".join(lines[last + 1:])


def indent_of(source: str, node: ast.stmt) -> str:
    line = source.splitlines()[node.lineno - 1]
    return line[: len(line) - len(line.lstrip())]


def replace_lines(source: str, first: int, last: int, new_lines: list[str]) -> str:
    """Lines first..last (1-based, inclusive) replaced by `new_lines` (without line ends)."""
    lines = source.splitlines(keepends=True)
    ending = "\n" if last >= len(lines) or lines[last - 1].endswith("\n") else ""
    body = "\n".join(new_lines) + ending if new_lines else ""
    return "".join(lines[: first - 1]) + body + "".join(lines[last:])


def replace_statement(source: str, statement: ast.stmt, code: str) -> str:
    """A whole statement replaced by `code` at its indentation."""
    indent = indent_of(source, statement)
    new_lines = [indent + line if i == 0 or line else line for i, line in enumerate(code.split("\n"))]
    return replace_lines(source, statement.lineno, statement.end_lineno or statement.lineno, new_lines)


def remove_statement(source: str, statement: ast.stmt, top_level: bool) -> str:
    """A statement removed; inside a block it becomes `pass`, so the block stays valid."""
    if not top_level:
        return replace_statement(source, statement, "pass")
    return replace_lines(source, statement.lineno, statement.end_lineno or statement.lineno, [])
