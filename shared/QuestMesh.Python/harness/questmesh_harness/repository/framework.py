"""Which web framework a Python project is built on: Django, FastAPI, Flask, or plain Python.

Evidence, from strongest to weakest: the framework's own project files or app object (`manage.py` or a
settings module with `INSTALLED_APPS`; `FastAPI(...)`; `Flask(...)`), imports in the project's modules,
and the dependency files. When several frameworks show up, these rules decide (and the reply says so):
1. Django wins when its project files are there: it owns the layout, and a Flask or FastAPI import inside
   a Django project is a side service.
2. Otherwise the framework whose app object the project creates wins; when both FastAPI and Flask apps
   are created, the one created in more modules, FastAPI on a tie (it is the one mounted over the other).
3. Otherwise the framework imported by more modules, then the one declared as a dependency, in the order
   Django, FastAPI, Flask.
Text only: the modules are parsed, never imported.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..source import read_source

ORDER = ("django", "fastapi", "flask")
APP_CALLS = {"FastAPI": "fastapi", "Flask": "flask"}
DEPENDENCY_FILES = ("requirements.txt", "requirements-dev.txt", "requirements/base.txt", "requirements/prod.txt",
                    "pyproject.toml", "setup.py", "setup.cfg", "Pipfile")
# A requirement line or a quoted pyproject entry naming the package itself (not `django-environ`, `pytest-django`).
_DECLARED = {name: re.compile(rf"(?im)(?:^|[\s\"'\[,]){name}(?=[\s<>=~!\[;,\"']|$)") for name in ORDER}


@dataclass
class Evidence:
    project_files: list[str] = field(default_factory=list)
    apps: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in ORDER})
    imports: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in ORDER})
    declared: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in ORDER})

    def found(self) -> list[str]:
        return [name for name in ORDER
                if self.apps[name] or self.imports[name] or self.declared[name]
                or name == "django" and self.project_files]


def detect(root: Path, modules: list[str]) -> dict:
    evidence = Evidence()
    if (root / "manage.py").is_file():
        evidence.project_files.append("manage.py")
    for relative in modules:
        _read_module(root, relative, evidence)
    for name in DEPENDENCY_FILES:
        path = root / name
        if path.is_file() and not path.is_symlink():
            text = path.read_text(encoding="utf-8", errors="replace")
            for framework, pattern in _DECLARED.items():
                if pattern.search(text):
                    evidence.declared[framework].append(name)
    name, rule = _decide(evidence)
    found = evidence.found()
    return {
        "name": name,
        "rule": rule,
        "conflict": None if len(found) < 2 else f"{', '.join(found)} all show up; {rule}",
        "evidence": {
            "project_files": evidence.project_files,
            "apps": {k: v for k, v in evidence.apps.items() if v},
            "imports": {k: len(v) for k, v in evidence.imports.items() if v},
            "declared": {k: v for k, v in evidence.declared.items() if v},
        },
    }


def _read_module(root: Path, relative: str, evidence: Evidence) -> None:
    source = read_source(root / relative, relative)
    if source.text is None:
        return
    try:
        tree = ast.parse(source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called in APP_CALLS and relative not in evidence.apps[APP_CALLS[called]]:
                evidence.apps[APP_CALLS[called]].append(relative)
        elif isinstance(node, ast.Assign) and Path(relative).stem == "settings" and any(
                isinstance(target, ast.Name) and target.id == "INSTALLED_APPS" for target in node.targets):
            evidence.project_files.append(relative)
    for framework in ORDER:
        if framework in imported:
            evidence.imports[framework].append(relative)


def _decide(evidence: Evidence) -> tuple[str, str]:
    if evidence.project_files:
        return "django", f"Django's project files ({', '.join(evidence.project_files)}) decide"
    apps = {name: len(files) for name, files in evidence.apps.items() if files}
    if apps:
        best = max(ORDER, key=lambda name: (apps.get(name, 0), -ORDER.index(name)))
        return best, f"the project creates a {best} app ({', '.join(evidence.apps[best])})"
    imports = {name: len(files) for name, files in evidence.imports.items() if files}
    if imports:
        best = max(ORDER, key=lambda name: (imports.get(name, 0), -ORDER.index(name)))
        return best, f"{imports[best]} module(s) import {best}"
    declared = [name for name in ORDER if evidence.declared[name]]
    if declared:
        return declared[0], f"{declared[0]} is declared in {', '.join(evidence.declared[declared[0]])}"
    return "plain", "no web framework shows up"
