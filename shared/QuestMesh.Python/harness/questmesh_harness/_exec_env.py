"""Where the code under test lives, and the process state (cwd, sys.path) it expects.

Shared by execute and mutate: both run the project's tests inside this process, so the project
root (and its ``src/`` when it has a src layout) must be importable and the working directory must
be the project root, as it would be for ``python -m pytest`` started there.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import HarnessError


@dataclass(frozen=True)
class Project:
    """A project folder and the import roots derived from it."""

    root: Path

    @staticmethod
    def open(project_dir: Any) -> "Project":
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
        src = self.root / "src"
        return [src, self.root] if src.is_dir() else [self.root]

    def resolve(self, relative: Any, what: str, must_exist: bool = True) -> Path:
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


@contextlib.contextmanager
def project_environment(project: Project) -> Iterator[None]:
    """cwd = project root and the import roots first on sys.path, restored afterwards."""
    old_cwd = os.getcwd()
    old_path = list(sys.path)
    for root in reversed(project.import_roots):
        sys.path.insert(0, str(root))
    os.chdir(project.root)
    try:
        yield
    finally:
        os.chdir(old_cwd)
        sys.path[:] = old_path


def number(request: dict, key: str, default: float, minimum: float = 0.0) -> float:
    """A numeric request field with a default; a wrong type is a bad request, not a crash."""
    value = request.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise HarnessError(f"{key} must be a number")
    if value < minimum:
        raise HarnessError(f"{key} must be at least {minimum}")
    return float(value)
