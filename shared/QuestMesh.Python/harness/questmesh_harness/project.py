"""The project under test: its folder, the paths a request names inside it, and the import roots and
working directory its code expects.

The one place that knows the layout rules: the project root is importable, and so is its ``src/``
folder, first, when it has one (a src layout), as ``python -m pytest`` started in the root would see
them with the usual ``pythonpath`` setting. ``execute``, ``mutate`` (also in its naive children) and
``explore`` (in-process and when it verifies a suite in a child) all take their paths from here.
``analyze`` uses it too, so it imports nothing a project could shadow (not even ``typing``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .errors import HarnessError


def import_roots(root: Path) -> list[Path]:
    """Folders that must be on ``sys.path``, first one first: ``src/`` (when present), then the root."""
    src = root / "src"
    return [src, root] if src.is_dir() else [root]


@dataclass(frozen=True)
class Project:
    """A project folder and the import roots derived from it."""

    root: Path

    @staticmethod
    def open(project_dir: object) -> "Project":
        if not isinstance(project_dir, str) or not project_dir:
            raise HarnessError("project_dir is required (an absolute path)")
        root = Path(project_dir)
        if not root.is_absolute():
            raise HarnessError(f"project_dir must be absolute: {project_dir}")
        if not root.is_dir():
            raise HarnessError(f"project_dir is not a folder: {project_dir}")
        return Project(Path(os.path.realpath(root)))

    @property
    def import_roots(self) -> list[Path]:
        return import_roots(self.root)

    def resolve(self, relative: object, what: str, must_exist: bool = True) -> Path:
        """Resolve a request path against the root; paths that leave the project are refused."""
        if not isinstance(relative, str) or not relative:
            raise HarnessError(f"{what} is required (a path relative to project_dir)")
        path = Path(os.path.realpath(self.root / relative))
        if path != self.root and self.root not in path.parents:
            raise HarnessError(f"{what} is outside project_dir: {relative}")
        if must_exist and not path.exists():
            raise HarnessError(f"{what} does not exist: {relative}")
        return path

    def relative(self, path: str | Path) -> str:
        """A path for people: relative to the root when inside it, else as given."""
        try:
            return Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def contains(self, path: str | None) -> bool:
        if not path:
            return False
        real = os.path.realpath(path)
        return real.startswith(str(self.root) + os.sep)


def resolve_target(request: dict) -> tuple[Path, Path]:
    """The absolute project folder and target file of a request, checked to exist. Links are resolved:
    a target reached through a link inside the project is the file the link points to."""
    project = request.get("project_dir")
    relative = request.get("target_file")
    if not project or not relative:
        raise HarnessError("project_dir and target_file are required")
    project_dir = Path(project).resolve()
    if not project_dir.is_dir():
        raise HarnessError(f"project_dir {project} is not a folder")
    target = (project_dir / relative).resolve()
    if project_dir not in target.parents:
        raise HarnessError(f"target_file {relative} is outside project_dir")
    if not target.exists():
        raise HarnessError(f"target_file {relative} does not exist under {project}")
    if not target.is_file():
        raise HarnessError(f"target_file {relative} is not a regular file")
    return project_dir, target


# Packages the harness runs on: a project of the same name is tested in a child process or not at all, since
# taking them out of `sys.modules` under a running pytest would break the run itself.
HARNESS_PACKAGES = frozenset({"pytest", "_pytest", "pluggy", "coverage", "questmesh_harness", "py"})


@contextlib.contextmanager
def project_environment(project: Project) -> Iterator[None]:
    """cwd = project root and the import roots first on sys.path, restored afterwards. A package the project
    provides that was already imported from elsewhere (pytest imports the installed `attr`, `packaging`,
    `iniconfig` before any test) is set aside for the while, so the project's imports get the project's copy,
    as they would in the user's own pytest run, where the project's folders come first on `sys.path`."""
    old_cwd = os.getcwd()
    old_path = list(sys.path)
    sys.path[:0] = [str(root) for root in project.import_roots]
    os.chdir(project.root)
    aside = _shadowed_modules(project)
    try:
        yield
    finally:
        os.chdir(old_cwd)
        sys.path[:] = old_path
        for name in [n for n, module in sys.modules.items() if n.split(".")[0] in {a.split(".")[0] for a in aside}
                     and _inside(module, project.root)]:
            del sys.modules[name]
        sys.modules.update(aside)


def _shadowed_modules(project: Project) -> dict[str, ModuleType]:
    """Takes out of `sys.modules` (and returns) the modules of top-level packages the project's import roots
    provide but that were loaded from outside the project. The standard library and the harness's own
    packages stay: a project file named like them is not what Python imports under that name here either."""
    provided = {name for root in project.import_roots for name in _top_level_names(root)}
    provided -= HARNESS_PACKAGES | set(sys.stdlib_module_names)
    aside: dict[str, ModuleType] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in provided and module is not None and not _inside(module, project.root):
            aside[name] = sys.modules.pop(name)
    return aside


def _top_level_names(root: Path) -> set[str]:
    """Importable top-level names in one import root: packages (folders with `__init__.py`) and modules."""
    names: set[str] = set()
    try:
        entries = list(os.scandir(root))
    except OSError:
        return names
    for entry in entries:
        if entry.is_dir() and entry.name.isidentifier() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            names.add(entry.name)
        elif entry.is_file() and entry.name.endswith(".py") and entry.name[:-3].isidentifier():
            names.add(entry.name[:-3])
    return names


def _inside(module: object, root: Path) -> bool:
    filename = getattr(module, "__file__", None)
    if not filename:
        return False
    real = os.path.realpath(filename)
    return real.startswith(str(root) + os.sep)


def child_environment(root: Path, inherited: Mapping[str, str]) -> dict[str, str]:
    """The environment of a child Python started in the root: the import roots lead its PYTHONPATH."""
    env = dict(inherited)
    ahead = [str(path) for path in import_roots(root)]
    behind = [env["PYTHONPATH"]] if env.get("PYTHONPATH") else []
    env["PYTHONPATH"] = os.pathsep.join(ahead + behind)
    return env
