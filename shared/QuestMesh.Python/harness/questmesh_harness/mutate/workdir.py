"""A private working directory per running child, so parallel children do not share files.

Tests often write a fixed name into the working directory (CPython's own use ``TESTFN``) and
delete it in tearDown: two children running such a test at once delete each other's file and
"kill" mutants that are fine. Each running child therefore works in its own directory whose
entries are symlinks to the project root's: relative reads still find the project's files, new
files land in the private directory. Directories are pooled: one per child running at a time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class WorkDirs:
    def __init__(self, project_root: Path, base: Path) -> None:
        self.project_root = project_root
        self.base = base
        self._free: list[Path] = []
        self._made = 0

    def acquire(self) -> Path:
        if self._free:
            return self._free.pop()
        self._made += 1
        path = self.base / f"cwd-{self._made}"
        path.mkdir(parents=True)
        for entry in os.listdir(self.project_root):
            os.symlink(self.project_root / entry, path / entry)
        return path

    def release(self, path: Path) -> None:
        self._free.append(path)

    def remove_all(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)
