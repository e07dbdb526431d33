"""Where a repository's Python lives: the folders a walk skips, and the Python root.

A full-stack repository holds more than Python: a front end with its `node_modules`, virtual
environments, build output. The walk never enters those. The Python root is the folder a person would
put on `sys.path` (the project folder of a module run): the repository root, else a conventional
back-end folder (`backend/`, `server/`, `api/`, `app/`), else the richest folder one or two levels down.
Only names and file types are looked at here; no file is read or imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Folders that hold no code of the project's own.
NEVER_ENTERED = frozenset({
    "node_modules", "bower_components", "__pycache__", "site-packages", "dist", "build", "htmlcov",
    "venv", "env", "virtualenv", ".venv", "artifacts",
})
# Folders a front end conventionally lives in; skipped unless they are Python packages themselves.
FRONT_END = frozenset({
    "frontend", "front-end", "front_end", "client", "web", "webapp", "ui", "www", "static", "public", "assets",
})
MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "manage.py")
BACK_END = ("backend", "server", "api", "app", "src")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def to_dict(self) -> dict:
        return {"path": self.path, "reason": self.reason}


@dataclass
class Walk:
    """The repository's folders and `.py` files, skipped folders left out (and listed once)."""

    root: Path
    skipped: list[Skipped] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def skip_reason(self, folder: Path) -> str | None:
        name = folder.name
        if folder == self.root:
            return None
        if name.startswith("."):
            return "hidden folder"
        if (folder / "pyvenv.cfg").is_file():
            return "virtual environment"
        if name in NEVER_ENTERED or name.endswith(".egg-info"):
            return "virtual environment" if name in ("venv", "env", "virtualenv") else "tools' output or dependencies"
        if (folder / "__init__.py").is_file():
            return None
        if name in FRONT_END:
            return "front-end folder"
        if (folder / "package.json").is_file():
            return "front-end folder (package.json)"
        return None

    def python_files(self, top: Path) -> Iterator[Path]:
        """Every regular `.py` file under `top` (links are not followed), skipped folders pruned."""
        for folder, dirs, files in os.walk(top):
            here = Path(folder)
            kept = []
            for name in sorted(dirs):
                reason = self.skip_reason(here / name)
                if reason is None:
                    kept.append(name)
                else:
                    self._note(here / name, reason)
            dirs[:] = kept
            for name in sorted(files):
                path = here / name
                if name.endswith(".py") and path.is_file() and not path.is_symlink():
                    yield path

    def _note(self, folder: Path, reason: str) -> None:
        relative = folder.relative_to(self.root).as_posix()
        if relative not in self._seen and not folder.name.startswith(".") and folder.name != "__pycache__":
            self._seen.add(relative)
            self.skipped.append(Skipped(relative, reason))


@dataclass(frozen=True)
class PythonRoot:
    path: str  # relative to the repository, "." for the root itself
    reason: str
    others: list[str]


def _has_package(folder: Path) -> bool:
    try:
        return any(entry.is_dir() and (Path(entry.path) / "__init__.py").is_file() for entry in os.scandir(folder))
    except OSError:
        return False


def _loose_modules(folder: Path) -> bool:
    try:
        return any(entry.is_file() and entry.name.endswith(".py") for entry in os.scandir(folder))
    except OSError:
        return False


def _strong(folder: Path) -> bool:
    """A marker file, a package at the top, or a src layout: this folder is meant to be on sys.path."""
    return (any((folder / marker).is_file() for marker in MARKERS) or _has_package(folder)
            or (folder / "src").is_dir() and _has_package(folder / "src"))


def find_python_root(walk: Walk) -> PythonRoot | None:
    root = walk.root
    if _strong(root):
        return PythonRoot(".", "the repository root holds a Python project (a marker file, a package or src/)", [])
    named = [root / name for name in BACK_END
             if (root / name).is_dir() and walk.skip_reason(root / name) is None and _strong(root / name)]
    if named:
        return PythonRoot(named[0].name, f"the back-end folder {named[0].name}/ holds the Python code",
                          [folder.name for folder in named[1:]])
    deeper = [folder for folder in _folders_below(walk, depth=2) if _strong(folder)]
    if deeper:
        counted = sorted(deeper, key=lambda folder: (-sum(1 for _ in walk.python_files(folder)),
                                                     folder.relative_to(root).as_posix()))
        best = counted[0].relative_to(root).as_posix()
        return PythonRoot(best, f"{best}/ holds the most Python code of the folders two levels down",
                          [folder.relative_to(root).as_posix() for folder in counted[1:]])
    if _loose_modules(root):
        return PythonRoot(".", "the repository root holds Python modules", [])
    return None


def _folders_below(walk: Walk, depth: int) -> list[Path]:
    found: list[Path] = []
    level = [walk.root]
    for _ in range(depth):
        nxt: list[Path] = []
        for folder in level:
            try:
                children = sorted(Path(entry.path) for entry in os.scandir(folder)
                                  if entry.is_dir(follow_symlinks=False))
            except OSError:
                continue
            nxt.extend(child for child in children if walk.skip_reason(child) is None)
        found.extend(nxt)
        level = nxt
    return found
