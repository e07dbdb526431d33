"""`merge`: take chosen tests of one test module (a model's answer) into another (the suite so far).

The addition's imports the base lacks go after the base's own imports; its helpers (fixtures,
functions, constants) whose names the base does not define go before the tests; each chosen test goes
above a main guard, renamed when the base already has that name. Everything of the base stays as written.
The same additions are also given as one `snippet` that can be inserted at `insert_line` as it is.
"""

from __future__ import annotations

import ast
import re
from typing import Optional, TypeGuard, Union

from .errors import HarnessError

_TEST_CLASS_BASES = ("TestCase", "SimpleTestCase", "TransactionTestCase", "LiveServerTestCase")


def run(request: dict) -> dict:
    base, addition, names = request.get("base") or "", request.get("addition"), request.get("names")
    if not isinstance(addition, str) or not isinstance(base, str):
        raise HarnessError("base (may be empty) and addition are required module texts")
    if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        raise HarnessError("names must be a list of test names, or null for all")
    base_tree = parse(base, "the base module")
    addition_tree = parse(addition, "the addition")
    tests = [node.name for node in addition_tree.body if is_test(node)]
    chosen = tests if names is None else [n for n in tests if n in names]
    source, renamed, snippet = merge(base, base_tree, addition, addition_tree, chosen)
    parse(source, "the merged module")
    return {"source": source, "tests": tests, "added": [renamed.get(n, n) for n in chosen], "renamed": renamed,
            "insert_line": insert_line(base_tree, base), "snippet": snippet}


def insert_line(tree: ast.Module, base: str) -> int:
    """The 1-based line of the base before which new tests go: its main guard, else one past its last line."""
    guard = _main_guard_line(tree, -1)
    return guard + 1 if guard >= 0 else len(base.splitlines()) + 1


Definition = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]


def is_test(node: ast.stmt) -> TypeGuard[Definition]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name.startswith("test")
    if isinstance(node, ast.ClassDef):
        bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases}
        return node.name.startswith("Test") or bool(bases & set(_TEST_CLASS_BASES))
    return False


def merge(base: str, base_tree: ast.Module, addition: str, addition_tree: ast.Module,
          chosen: list[str], suffix: str = "llm") -> tuple[str, dict[str, str], str]:
    """The merged module, the renamed tests (a name the base has already gets `_<suffix>`), and the snippet: what
    was added, as one block for `insert_line`."""
    lines = base.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    added_lines = addition.splitlines(keepends=True)
    defined = _defined_names(base_tree)
    present_imports = {ast.unparse(n) for n in base_tree.body if isinstance(n, (ast.Import, ast.ImportFrom))}

    imports, helpers, tests, renamed = [], [], [], {}
    for node in addition_tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if ast.unparse(node) not in present_imports:
                imports.append(ast.unparse(node) + "\n")
        elif is_test(node):
            if node.name in chosen:
                text = _text(added_lines, node)
                new_name = _free_name(node.name, defined, suffix)
                if new_name != node.name:
                    renamed[node.name] = new_name
                    text = _rename(text, node, new_name)
                defined.add(new_name)
                tests.append(text)
        elif not _is_main_guard(node) and not (_names_of(node) & defined) and not isinstance(node, ast.Expr):
            helpers.append(_text(added_lines, node))
            defined |= _names_of(node)

    import_at = _after_imports(base_tree)
    body_at = _main_guard_line(base_tree, len(lines))
    head, middle, tail = lines[:import_at], lines[import_at:body_at], lines[body_at:]
    merged = "".join(head) + "".join(imports) + "".join(middle).rstrip("\n") + "\n"
    merged += "".join("\n\n" + block for block in helpers + tests)
    if tail:
        merged += "\n\n" + "".join(tail)
    merged = merged.lstrip("\n")
    parts = (["".join(imports)] if imports else []) + helpers + tests
    snippet = "\n\n".join(part.rstrip("\n") + "\n" for part in parts) if tests else ""
    return merged, renamed, snippet


def parse(text: str, what: str) -> ast.Module:
    """The module's tree, or a bad request naming `what` and the line that does not parse."""
    try:
        return ast.parse(text)
    except SyntaxError as error:
        raise HarnessError(f"{what} does not parse: line {error.lineno}: {error.msg}") from error


def _text(lines: list[str], node: ast.stmt) -> str:
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
    text = "".join(lines[start:node.end_lineno])
    return text if text.endswith("\n") else text + "\n"


def _rename(text: str, node: Definition, new_name: str) -> str:
    keyword = "class" if isinstance(node, ast.ClassDef) else "def"
    return re.sub(rf"\b{keyword}\s+{re.escape(node.name)}\b", f"{keyword} {new_name}", text, count=1)


def _free_name(name: str, defined: set[str], suffix: str) -> str:
    if name not in defined:
        return name
    n = 1
    while f"{name}_{suffix}{'' if n == 1 else n}" in defined:
        n += 1
    return f"{name}_{suffix}{'' if n == 1 else n}"


def _names_of(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    names = set()
    annotated = [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
    for target in getattr(node, "targets", []) + annotated:
        names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def _defined_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        names |= _names_of(node)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "__name__" in ast.unparse(node.test)


def _after_imports(tree: ast.Module) -> int:
    """The 0-based line after the leading docstring and imports (0 for a module without them)."""
    end = 0
    for index, node in enumerate(tree.body):
        docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if docstring or isinstance(node, (ast.Import, ast.ImportFrom)):
            end = node.end_lineno or end
        else:
            break
    return end


def _main_guard_line(tree: ast.Module, default: int) -> int:
    guard: Optional[ast.stmt] = next((n for n in tree.body if _is_main_guard(n)), None)
    return default if guard is None else guard.lineno - 1
