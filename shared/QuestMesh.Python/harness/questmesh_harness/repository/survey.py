"""`survey`: a repository's Python root, framework, modules, existing tests and declared dependencies, and the
`conftest.py` its generated tests need, from names and text only.

Nothing is imported or run: the walk looks at names and file types, the framework check parses modules
with `ast`. The .NET side runs this before anything else of a whole-repository run, on the repository
itself (read only), and copies only the Python root into the sandboxed steps that follow.
"""

from __future__ import annotations

from ..errors import HarnessError
from ..explore.writing.verification import detect_style
from ..project import Project
from .dependencies import declarations
from .discovery import classify
from .fixtures import conftest
from .framework import detect
from .layout import Walk, find_python_root


def run(request: dict) -> dict:
    repo = Project.open(request.get("repo_dir"))
    folder = request.get("generated_folder") or "tests/generated"
    if not isinstance(folder, str) or folder.startswith("/") or ".." in folder.split("/"):
        raise HarnessError("generated_folder must be a relative folder path without '..'")
    walk = Walk(repo.root)
    everything = list(walk.python_files(repo.root))
    choice = find_python_root(walk)
    reply: dict = {"python_root": None, "root_reason": None, "other_roots": [], "problem": None,
                   "framework": None, "test_style": None, "modules": [], "tests": [], "conftests": [],
                   "test_helpers": [], "left_out": [], "outside_root": 0, "dependencies": None,
                   "conftest": None,
                   "skipped_folders": [entry.to_dict() for entry in walk.skipped]}
    if choice is None:
        reply["problem"] = ("no Python code found: neither the repository root nor backend/, server/, api/, app/, "
                            "src/ or a folder two levels down holds a Python package, a marker file "
                            "(pyproject.toml, setup.py, setup.cfg, manage.py) or a module")
        return reply
    root = (repo.root / choice.path).resolve()
    inside = [path for path in everything if path == root or root in path.parents]
    inventory = classify(root, inside)
    framework = detect(root, inventory.modules)
    reply.update({
        "python_root": choice.path,
        "root_reason": choice.reason,
        "other_roots": choice.others,
        "framework": framework,
        "test_style": detect_style(root, None) if inventory.tests else None,
        "modules": inventory.modules,
        "tests": inventory.tests,
        "conftests": inventory.conftests,
        "test_helpers": inventory.helpers,
        "left_out": inventory.left_out,
        "outside_root": len(everything) - len(inside),
        "dependencies": declarations(repo.root, root),
        "conftest": conftest(root, framework, inventory.modules, folder.strip("/")),
    })
    if not inventory.modules:
        reply["problem"] = f"the Python root {choice.path}/ holds no module to test (only tests, scripts or helpers)"
    return reply
