"""Which modules cannot be imported because a package they import at module level is not installed.

A module no test imports still counts in a whole-repository run (at 0 %), and a module run of it fails when it
cannot be imported, so the run says why up front: the top-level names each module imports in its own body
(`import a.b`, `from a import b`; not inside a function, a `try` or an `if`, which may be optional) that no finder
on `sys.path` knows. Looked up with `importlib.util.find_spec` on top-level names only, which imports nothing, by
the interpreter that runs the tests (the run's dependency environment, when it has one), with the project's import
roots on `sys.path`.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

from ..source import read_source


def missing_imports(modules: list[Path], shown: dict[Path, str]) -> list[dict]:
    """[{"name", "modules"}]: each top-level name that cannot be found, with the modules (as shown) importing it."""
    importers: dict[str, list[str]] = {}
    for path in modules:
        for name in sorted(_top_level_imports(path)):
            importers.setdefault(name, []).append(shown[path])
    importlib.invalidate_caches()
    return [{"name": name, "modules": importers[name]} for name in sorted(importers) if not _findable(name)]


def _top_level_imports(path: Path) -> set[str]:
    source = read_source(path, path.name)
    if source.text is None:
        return set()
    try:
        tree = ast.parse(source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module != "__future__":
            names.add(node.module.split(".")[0])
    return names - set(sys.builtin_module_names)


def _findable(name: str) -> bool:
    if name in sys.modules:
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
