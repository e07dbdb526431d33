"""Assembles the written test module: header, imports, grouped tests; or appends to an existing suite."""

from __future__ import annotations

import ast
import io
import os
import tokenize
from dataclasses import dataclass, field

from ..calls.runner import sources
from ..calls.dunders import DUNDERS
from ..inputs.support import DJANGO_SETUP, TREE_HELPER, used_names
from .names import unique
from .cases import Case, render_test
from ...patch.definitions import _main_guard


@dataclass
class Document:
    module: str  # import name of the target
    target_file: str
    seed: int
    budget_seconds: float
    style: str  # pytest | unittest
    cases: list[Case]
    framework: str = "plain"
    imports: dict[str, str] = field(default_factory=dict)  # name a value source uses → how the test gets it

    def uses_tree(self) -> bool:
        return any("tmp_path" in used_names(sources(case.call)) for case in self.cases)

    def django_setup(self) -> bool:
        return self.framework == "django" and not os.environ.get("DJANGO_SETTINGS_MODULE")


def heading(case: Case) -> str:
    target = case.call.target
    if target.kind == "init":
        return f"{target.owner}()"
    if target.kind == "property":
        return f"{target.owner}.{target.name}"
    if target.kind == "route":
        return f"{target.owner}: {' '.join(p.pool[0].strip(chr(39)) for p in target.params[1:2])} {target.name}"
    return f"{target.label}()"


def class_name(case: Case) -> str:
    key = case.call.target.owner or case.call.target.name
    return "Test" + ("".join(part[:1].upper() + part[1:] for part in key.split("_") if part) or "Module")


def needed(doc: Document) -> tuple[list[str], bool, list[str]]:
    """Import lines (plain `import x` as the module name), whether pytest is used, and the names to import
    from the target."""
    modules: set[str] = {"unittest"} if doc.style == "unittest" else set()
    names: set[str] = set()
    uses_pytest = False
    target_import = f"from {doc.module} import "
    if doc.uses_tree():
        modules |= {"os"} | ({"pathlib", "tempfile"} if doc.style == "unittest" else set())
    if doc.django_setup():
        modules |= {"django", "from django.conf import settings"}
    for case in doc.cases:
        target = case.call.target
        if not (case.call.make and target.needs_instance):  # a built instance: its factory names itself
            names.add(target.owner or target.name)
        if target.client == "fastapi":
            modules.add("from fastapi.testclient import TestClient")
        for name in used_names(sources(case.call)):
            line = doc.imports.get(name)
            if line is None or name in ("tmp_path", "make_files"):
                continue
            if line.startswith(target_import) and line == target_import + name:
                names.add(name)
            else:
                modules.add(line.removeprefix("import ") if line.startswith("import ") and " as " not in line
                            else line)
        names |= case.observation.names
        modules |= case.observation.modules
        for called in [target] + [prep for prep, _ in case.call.prep]:
            if called.is_async:
                modules.add("asyncio")
            if called.kind == "dunder" and DUNDERS[called.name].module:
                modules.add(DUNDERS[called.name].module)
        uses_pytest |= bool(case.observation.raises) or any(c.kind == "approx" for c in case.observation.checks)
        if case.call.patch and doc.style == "unittest":
            modules.add("unittest.mock")
        if case.call.seed is not None:
            modules.add("random")
    return sorted(modules), doc.style == "pytest" and uses_pytest, sorted(names)


def imports(doc: Document, defined: frozenset[str] = frozenset()) -> list[str]:
    """Import blocks (standard library, pytest, the target), leaving out names `defined` already binds."""
    modules, uses_pytest, names = needed(doc)
    blocks = [[_line(m) for m in modules if m.split(".")[0] not in defined and not m.startswith("from ")]]
    blocks[0] += [m for m in modules if m.startswith("from ") and m not in defined]
    blocks.append(["import pytest"] if uses_pytest and "pytest" not in defined else [])
    missing = [name for name in names if name not in defined]
    blocks.append(_from_import(doc.module, missing) if missing else [])
    return ["\n".join(block) for block in blocks if block]


def _line(module: str) -> str:
    return module if module.startswith("import ") else f"import {module}"


def setup_blocks(doc: Document) -> list[str]:
    """Module-level code the tests need: Django's settings, the folder-tree helper."""
    blocks = [DJANGO_SETUP.rstrip("\n")] if doc.django_setup() else []
    return blocks + ([TREE_HELPER.rstrip("\n")] if doc.uses_tree() else [])


def _from_import(module: str, names: list[str]) -> list[str]:
    spelled = [f"{name} as {alias(name)}" if collected(name) else name for name in names]
    line = f"from {module} import {', '.join(spelled)}"
    if len(line) <= 100:
        return [line]
    return [f"from {module} import (\n" + "".join(f"    {name},\n" for name in spelled) + ")"]


def collected(name: str) -> bool:
    """A module-level name pytest would collect as a test (its default `test` / `Test` prefixes): a target
    named so is imported under another name, or the suite would run the target itself as a test."""
    return name.startswith(("test", "Test"))


def alias(name: str) -> str:
    return "_" + name


def _uncollected(block: str) -> str:
    """The block with every reference to a collected name (not attributes, keyword names or definitions)
    spelled by its alias."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(block).readline))
    except (tokenize.TokenError, SyntaxError):
        return block
    lines = block.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    depth = 0
    code = [t for t in tokens if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT,
                                                tokenize.DEDENT)]
    for index, token in enumerate(code):
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        if token.type != tokenize.NAME or not collected(token.string):
            continue
        before = code[index - 1].string if index else ""
        after = code[index + 1].string if index + 1 < len(code) else ""
        if before in (".", "def", "class") or (depth > 0 and after == "="):
            continue
        edits.append((token.start[0], token.start[1], token.string))
    for row, col, name in reversed(edits):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + alias(name) + line[col + len(name):]
    return "".join(lines)


def header(doc: Document) -> str:
    budget = f"{doc.budget_seconds:g}"
    return (f"# Generated by QuestMesh's offline search (seed {doc.seed}) for {doc.target_file}.\n"
            "# The same seed writes the same tests; regenerate from the project folder with:\n"
            f"#   questmesh run . --file {doc.target_file} --strategy search --seed {doc.seed} --budget {budget}\n")


def body_blocks(doc: Document, taken: set[str]) -> list[str]:
    """The tests as top-level blocks: commented pytest functions, or one unittest class per subject."""
    blocks: list[str] = []
    if doc.style == "pytest":
        current = None
        for case in doc.cases:
            text = render_test(case, "pytest", taken)
            if heading(case) != current:
                current = heading(case)
                text = f"# {current}\n" + text
            blocks.append(_uncollected(text))
        return blocks
    classes: dict[str, list[Case]] = {}
    for case in doc.cases:
        classes.setdefault(class_name(case), []).append(case)
    for name, cases in classes.items():
        methods = "\n\n".join(render_test(case, "unittest", taken) for case in cases)
        blocks.append(_uncollected(f"class {name}(unittest.TestCase):\n{methods}"))
    return blocks


def assemble(doc: Document, taken: set[str]) -> str:
    parts = [header(doc) + "\n" + "\n\n".join(imports(doc))] + setup_blocks(doc) + body_blocks(doc, taken)
    text = "\n\n\n".join(parts) + "\n"
    if doc.style == "unittest":
        text += '\n\nif __name__ == "__main__":\n    unittest.main()\n'
    return text


def merge(existing: str, doc: Document, taken: set[str]) -> tuple[str, list[Case]]:
    """The existing suite with the new tests appended; new tests repeating an existing one are left out."""
    tree = ast.parse(existing)
    defined = _bound_names(tree)
    seen_bodies = {_body_key(f) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name.startswith("test")}
    kept: list[Case] = []
    names = set(defined) | {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for case in doc.cases:
        node = ast.parse(render_test(case, "pytest", taken)).body[0]
        if _body_key(node) in seen_bodies:
            continue
        if doc.style == "pytest":
            case.name = unique(case.name, names)
        kept.append(case)
    doc.cases = kept
    if not kept:
        return existing, []
    lines = _add_imports(existing.splitlines(keepends=True), tree, doc, defined)
    tree = ast.parse("".join(lines))
    blocks = body_blocks(doc, taken)
    if doc.style == "unittest":
        blocks = [_rename_class(block, names) for block in blocks]
    blocks = [b for b in setup_blocks(doc) if b.split("(", 1)[0] not in existing] + blocks
    added = f"# Added by QuestMesh search (seed {doc.seed}).\n" + "\n\n\n".join(blocks) + "\n"
    guard = _main_guard(tree)
    if guard is not None:
        start = guard.lineno - 1
        return "".join(lines[:start]) + added + "\n\n" + "".join(lines[start:]), kept
    text = "".join(lines).rstrip("\n")
    return (text + "\n\n\n" if text else "") + added, kept


def _body_key(node: ast.AST) -> str:
    return "\n".join(ast.dump(statement) for statement in getattr(node, "body", []))


def _bound_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] if isinstance(node, ast.Import) else (a.asname or a.name)
                      for a in node.names}
            names |= {a.name for a in node.names if isinstance(node, ast.Import)}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _add_imports(lines: list[str], tree: ast.Module, doc: Document, defined: set[str]) -> list[str]:
    """Missing target names join an existing one-line `from <target> import ...`; other imports go first."""
    modules, uses_pytest, names = needed(doc)
    missing_names = [n for n in names if n not in defined]
    plain = [_line(m) for m in modules + (["pytest"] if uses_pytest else []) if m.split(".")[0] not in defined
             and not m.startswith("from ")] + [m for m in modules if m.startswith("from ") and m not in defined]
    lines = list(lines)
    existing = next((n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == doc.module
                     and n.level == 0 and n.lineno == n.end_lineno and all(a.asname is None for a in n.names)), None)
    tail: list[str] = []
    if missing_names and existing is not None:
        merged = sorted({a.name for a in existing.names} | set(missing_names))
        lines[existing.lineno - 1] = "\n".join(_from_import(doc.module, merged)) + "\n"
    elif missing_names:
        tail = _from_import(doc.module, missing_names)
    end = _import_end(tree)
    if tail:
        lines[end:end] = ["\n".join(tail) + "\n"]
    if plain:
        start = _import_start(tree, end)
        lines[start:start] = ["\n".join(plain) + "\n"]
    return lines


def _import_start(tree: ast.Module, end: int) -> int:
    first = next((n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), None)
    return first.lineno - 1 if first is not None and first.lineno - 1 < end else end


def _import_end(tree: ast.Module) -> int:
    """Line index just after the leading docstring and imports."""
    end = 0
    for index, node in enumerate(tree.body):
        docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if not (docstring or isinstance(node, (ast.Import, ast.ImportFrom))):
            break
        end = node.end_lineno
    return end


def _rename_class(block: str, names: set[str]) -> str:
    first, _, rest = block.partition("(")
    wanted = first.removeprefix("class ")
    chosen = wanted if wanted not in names else unique(wanted + "Search", names)
    names.add(chosen)
    return f"class {chosen}({rest}"
