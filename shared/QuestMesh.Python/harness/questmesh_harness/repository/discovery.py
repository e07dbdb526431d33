"""What a Python root holds: the modules to measure and test, the existing tests, and what is left out.

Test modules are `test_*.py` and `*_test.py` (pytest's default patterns, which also find unittest
modules named that way); `conftest.py` files are listed apart. A file inside a folder named `tests`,
`test` or `testing` that is not a test module is a test helper, not a module under test. Build and
project scripts, Django migrations and files whose path is not an import name are left out, each with
the reason. Names only: nothing is read here.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from pathlib import Path

SCRIPTS = frozenset({"setup.py", "manage.py", "noxfile.py", "fabfile.py", "tasks.py", "conftest.py"})
TEST_FOLDERS = frozenset({"tests", "test", "testing"})
NOT_CODE_FOLDERS = frozenset({"migrations", "docs", "doc", "examples", "scripts"})


def is_test_module(name: str) -> bool:
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


@dataclass
class Inventory:
    modules: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)
    conftests: list[str] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)


def classify(root: Path, files: list[Path]) -> Inventory:
    inventory = Inventory()
    for path in sorted(files):
        relative = path.relative_to(root).as_posix()
        parts = relative.split("/")
        folders, name = parts[:-1], parts[-1]
        if name == "conftest.py":
            inventory.conftests.append(relative)
        elif is_test_module(name):
            inventory.tests.append(relative)
        elif TEST_FOLDERS.intersection(folders):
            inventory.helpers.append(relative)
        elif name in SCRIPTS and not folders:
            inventory.left_out.append({"path": relative, "reason": "a project script, not a module"})
        elif NOT_CODE_FOLDERS.intersection(folders):
            folder = next(f for f in folders if f in NOT_CODE_FOLDERS)
            inventory.left_out.append({"path": relative, "reason": f"inside {folder}/"})
        elif not importable(parts):
            inventory.left_out.append({"path": relative, "reason": "its path is not an import name"})
        else:
            inventory.modules.append(relative)
    return inventory


def importable(parts: list[str]) -> bool:
    names = parts[:-1] + [parts[-1][:-3]]
    if names[0] == "src" and len(names) > 1:
        names = names[1:]
    return all(n.isidentifier() and not keyword.iskeyword(n) for n in names)
