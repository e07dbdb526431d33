"""Docstring examples as seed calls: `>>> intword(1200000000)` in a docstring is an input its author chose
to show, usually one per interesting case (a table entry, a boundary), so the search tries each first."""

from __future__ import annotations

import ast
from typing import Optional

Example = tuple[tuple[str, ...], tuple[tuple[str, str], ...]]  # positional sources, keyword sources
MAX_PER_FUNCTION = 40


def examples(tree: ast.Module) -> dict[str, list[Example]]:
    """Function or method qualname → the argument sources of its calls in docstring examples."""
    found: dict[str, list[Example]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _collect(node, node.name, node.name, found)
        elif isinstance(node, ast.ClassDef):
            _collect(node, node.name, node.name, found)  # class docstrings show the constructor
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _collect(item, item.name, f"{node.name}.{item.name}", found)
    return found


def _collect(node: ast.AST, name: str, qualname: str, found: dict[str, list[Example]]) -> None:
    docstring = ast.get_docstring(node, clean=True) or ""
    for line in docstring.splitlines():
        text = line.strip()
        if not text.startswith((">>> ", "... ")):
            continue
        code = _parse(text[4:])
        if code is None:
            continue
        for call in ast.walk(code):
            example = _example(call, name, text[4:])
            if example is not None and len(found.setdefault(qualname, [])) < MAX_PER_FUNCTION:
                if example not in found[qualname]:
                    found[qualname].append(example)


def _parse(code: str) -> Optional[ast.AST]:
    try:
        return ast.parse(code, mode="eval")
    except SyntaxError:
        try:
            return ast.parse(code)
        except SyntaxError:
            return None


def _example(call: ast.AST, name: str, code: str) -> Optional[Example]:
    if not isinstance(call, ast.Call):
        return None
    func = call.func
    called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if called != name or any(isinstance(a, ast.Starred) for a in call.args) \
            or any(k.arg is None for k in call.keywords):
        return None
    # Only literal arguments: names the example set up earlier (`>>> d = ...`) are not in scope here.
    if not all(_literal(a) for a in [*call.args, *(k.value for k in call.keywords)]):
        return None
    positional = tuple(ast.get_source_segment(code, a) or ast.unparse(a) for a in call.args)
    keywords = tuple((k.arg, ast.get_source_segment(code, k.value) or ast.unparse(k.value)) for k in call.keywords)
    return positional, keywords


def _literal(node: ast.AST) -> bool:
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def as_args(params: tuple, example: Example) -> Optional[dict[str, str]]:
    """The example's arguments by parameter name, or None when they do not fit the signature."""
    positional, keywords = example
    args: dict[str, str] = {}
    plain = [p for p in params if p.kind in ("positional_only", "positional_or_keyword")]
    star = next((p for p in params if p.kind == "var_positional"), None)
    if len(positional) > len(plain) and star is None:
        return None
    for param, source in zip(plain, positional):
        args[param.name] = source
    if len(positional) > len(plain):
        args[star.name] = "[" + ", ".join(positional[len(plain):]) + "]"
    names = {p.name for p in params}
    for name, source in keywords:
        if name not in names or name in args:
            return None
        args[name] = source
    return args
