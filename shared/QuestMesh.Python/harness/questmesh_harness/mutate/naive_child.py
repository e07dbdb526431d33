"""One naive-mode mutant: a fresh interpreter that imports the mutated target and runs the suite.

Started as ``python -m questmesh_harness.mutate.naive_child <project_dir> <target> <tests> <id>``
(id 0 = no mutant, the baseline). The mutant is re-derived from the source by its id (generation
is deterministic) and served to the import system instead of the file, so the project's files are
never rewritten, unlike mutmut, which edits the file in place.
Exit codes: pytest's own, or 97 when the mutant does not compile.
"""

from __future__ import annotations

import ast
import importlib.abc
import importlib.machinery
import os
import sys
from pathlib import Path
from types import CodeType, ModuleType
from typing import Optional, Sequence

from ..project import Project, project_environment

DOES_NOT_COMPILE = 97


class _MutantLoader(importlib.abc.Loader):
    def __init__(self, code: CodeType) -> None:
        self.code = code

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Optional[ModuleType]:
        return None

    def exec_module(self, module: ModuleType) -> None:
        exec(self.code, module.__dict__)


class _MutantFinder(importlib.abc.MetaPathFinder):
    """Serves the mutated code for whatever module name resolves to the target file."""

    def __init__(self, target: str, code: CodeType) -> None:
        self.target = os.path.realpath(target)
        self.stem = os.path.splitext(os.path.basename(target))[0]
        self.code = code

    def find_spec(self, fullname: str, path: Optional[Sequence[str]], target: object = None):
        if fullname.rpartition(".")[2] != self.stem:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not spec.origin or os.path.realpath(spec.origin) != self.target:
            return None
        spec.loader = _MutantLoader(self.code)
        return spec


def _mutated_code(target: str, mutant_id: int) -> Optional[CodeType]:
    from .mutants import generate_mutants, parse_module
    from ..source import read_python_text

    parsed = parse_module(read_python_text(target), target)
    mutant = next(m for m in generate_mutants(parsed) if m.id == mutant_id)
    mutant.apply()
    tree = ast.fix_missing_locations(parsed.tree)
    try:
        return compile(tree, target, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, TypeError):
        return None


def main(argv: list[str]) -> int:
    project_dir, target, tests, mutant_id = argv[0], argv[1], argv[2], int(argv[3])
    with project_environment(Project(Path(project_dir))):
        if mutant_id:
            code = _mutated_code(target, mutant_id)
            if code is None:
                return DOES_NOT_COMPILE
            sys.meta_path.insert(0, _MutantFinder(target, code))
        import pytest

        return int(pytest.main([tests, "-x", "-q", "--assert=plain", "-p", "no:cacheprovider",
                                "-o", "addopts=", "--rootdir", project_dir]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
