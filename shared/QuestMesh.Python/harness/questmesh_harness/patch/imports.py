"""Import edits: add an import once, import a name the target defines, and repair the suite's own
imports of a module that is not there (rewritten to the project module meant, or removed) or of a
name the module lacks (dropped, or taken from the target when it defines it)."""

from __future__ import annotations

import ast
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..analyze import module_name
from ..errors import HarnessError
from ..project import resolve_target
from ..source import read_source
from .text import parse, remove_statement, replace_lines, replace_statement

MAX_MODULES = 20_000
Import = (ast.Import, ast.ImportFrom)


@dataclass(frozen=True)
class Target:
    """The module under test: its import name, its source, and every module name of the project."""

    module: str
    tree: Optional[ast.Module]
    project_modules: frozenset[str]

    @staticmethod
    def read(request: dict) -> "Target":
        project_dir, target = resolve_target(request)
        relative = target.relative_to(project_dir).as_posix()
        source = read_source(target, relative)
        try:
            tree = ast.parse(source.text) if source.text is not None else None
        except SyntaxError:
            tree = None
        skip = request.get("test_file")
        return Target(module_name(relative), tree, frozenset(_project_modules(project_dir, skip)))

    def defines(self, name: str) -> bool:
        """`name` is bound at the target's module level by a def, class or assignment."""
        for node in self.tree.body if self.tree is not None else []:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
                return True
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return True
        return False


def _project_modules(root: Path, skip: object) -> list[str]:
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for file in sorted(files):
            if file.endswith(".py"):
                relative = (Path(folder) / file).relative_to(root).as_posix()
                if relative != skip:
                    found.append(module_name(relative))
                if len(found) >= MAX_MODULES:
                    return found
    return found


def add_import(source: str, code: str) -> str:
    """`code` (one import statement) after the module's leading imports, unless it is there already."""
    statement = parse(code.strip(), "the import")
    if len(statement.body) != 1 or not isinstance(statement.body[0], Import):
        raise HarnessError("add_import takes exactly one import statement")
    wanted = ast.dump(statement.body[0])
    tree = parse(source, "the module")
    if any(isinstance(node, Import) and ast.dump(node) == wanted for node in tree.body):
        return source
    anchor = 0
    for index, node in enumerate(tree.body):
        docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
            and isinstance(node.value.value, str)
        if not (docstring or isinstance(node, Import)):
            break
        anchor = node.end_lineno or node.lineno
    lines = source.splitlines(keepends=True)
    before = "".join(lines[:anchor])
    if before and not before.endswith("\n"):
        before += "\n"
    return before + code.strip() + "\n" + "".join(lines[anchor:])


def import_from_target(source: str, name: str, target: Target) -> tuple[str, str]:
    if not target.defines(name):
        raise HarnessError(f"`{name}` is not defined by {target.module} either")
    code = f"from {target.module} import {name}"
    return add_import(source, code), f"added `{code}`"


def import_module(source: str, name: str) -> tuple[str, str]:
    """`import name` for a name the test uses as a standard-library module it never imported."""
    if name not in sys.stdlib_module_names or name.startswith("_"):
        raise HarnessError(f"`{name}` is not a standard-library module")
    code = f"import {name}"
    return add_import(source, code), f"added `{code}`"


def resolve(imported: str, target: Target) -> Optional[str]:
    """The project module a wrong import meant: the same name under a longer or shorter package path."""
    modules = target.project_modules
    segments = imported.split(".")
    for k in range(1, len(segments)):
        suffix = ".".join(segments[k:])
        if suffix in modules:
            return suffix
    last = segments[-1]
    candidates = sorted(m for m in modules if m == last or m.endswith("." + last))
    if target.module in candidates:
        return target.module
    return candidates[0] if len(candidates) == 1 and candidates[0] != imported else None


def _imports(tree: ast.Module) -> list[tuple[ast.stmt, bool]]:
    """Every import statement of the module, with whether it is at the top level."""
    top = {id(node) for node in tree.body}
    return [(node, id(node) in top) for node in ast.walk(tree) if isinstance(node, Import)]


def _modules(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""] if node.level == 0 else []
    return [alias.name for alias in node.names] if isinstance(node, ast.Import) else []


def _names(aliases: list[ast.alias]) -> str:
    return ", ".join(a.name if a.asname is None else f"{a.name} as {a.asname}" for a in aliases)


def _with_module(node: ast.stmt, old: str, new: str) -> Optional[str]:
    def swap(module: str) -> str:
        return new if module == old else new + module[len(old):]

    if isinstance(node, ast.ImportFrom):
        return f"from {swap(node.module or '')} import {_names(node.names)}"
    aliases = []
    for alias in node.names if isinstance(node, ast.Import) else []:
        if not (alias.name == old or alias.name.startswith(old + ".")):
            aliases.append(alias)
        elif alias.asname is not None:
            aliases.append(ast.alias(swap(alias.name), alias.asname))
        elif "." not in alias.name:
            aliases.append(ast.alias(swap(alias.name), alias.name))  # `import ops` → `import calc.ops as ops`
        else:
            return None
    return f"import {_names(aliases)}"


def _line(node: ast.stmt) -> str:
    if isinstance(node, ast.ImportFrom):
        return f"from {'.' * node.level}{node.module or ''} import {_names(node.names)}"
    return f"import {_names(node.names)}" if isinstance(node, ast.Import) else ""


def fix_module(source: str, missing: str, target: Target) -> tuple[str, str]:
    tree = parse(source, "the module")
    found = [(node, top) for node, top in _imports(tree)
             if any(m == missing or m.startswith(missing + ".") for m in _modules(node))]
    if not found:
        raise HarnessError(f"the suite does not import `{missing}` itself: the code under test or a library does, "
                           "and no rule can change that")
    if any(m in target.project_modules for node, _ in found for m in _modules(node)):
        raise HarnessError(f"`{missing}` belongs to a module the project has, yet it does not import: the project "
                           "layout (packages, sys.path) is the problem, not the import")
    details = []
    # Bottom-up, so the lines of the statements not yet edited stay where they are.
    for node, top in sorted(found, key=lambda item: item[0].lineno, reverse=True):
        imported = next(m for m in _modules(node) if m == missing or m.startswith(missing + "."))
        resolved = resolve(imported, target)
        rewritten = _with_module(node, imported, resolved) if resolved is not None else None
        if rewritten is not None:
            source = replace_statement(source, node, rewritten)
            details.append(f"`{_line(node)}` rewritten as `{rewritten}`")
        else:
            source = remove_statement(source, node, top)
            details.append(f"`{_line(node)}` removed: no module `{imported}` in the project")
    return source, "; ".join(reversed(details))


def fix_name(source: str, name: str, module: Optional[str], target: Target) -> tuple[str, str]:
    tree = parse(source, "the module")
    found = [(node, top) for node, top in _imports(tree)
             if isinstance(node, ast.ImportFrom) and (module is None or node.module == module)
             and any(alias.name == name for alias in node.names)]
    if not found:
        raise HarnessError(f"the suite does not import `{name}` itself")
    from_target = module != target.module and target.defines(name)
    for node, top in sorted(found, key=lambda item: item[0].lineno, reverse=True):
        assert isinstance(node, ast.ImportFrom)
        rest = [alias for alias in node.names if alias.name != name]
        if rest:
            source = replace_lines(source, node.lineno, node.end_lineno or node.lineno,
                                   [_indent(source, node) + f"from {'.' * node.level}{node.module or ''} import "
                                    f"{_names(rest)}"])
        else:
            source = remove_statement(source, node, top)
    if not from_target:
        origin = module or (found[0][0].module if isinstance(found[0][0], ast.ImportFrom) else "")
        return source, f"`{name}` dropped from the import of `{origin}`: it does not exist there"
    return add_import(source, f"from {target.module} import {name}"), f"`{name}` now imported from `{target.module}`"


def _indent(source: str, node: ast.stmt) -> str:
    line = source.splitlines()[node.lineno - 1]
    return line[: len(line) - len(line.lstrip())]
