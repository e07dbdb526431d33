"""The in-process setting of one search: the target imported from the project, its output silenced, and
arcs translated the way coverage.py reports them."""

from __future__ import annotations

import builtins
import importlib
import importlib.util
import io
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Iterator, Optional

from .trace import Arc, ArcTracer
from ...project import Project, project_environment


class _Discard(io.TextIOBase):
    """Where the target's prints go during the search: the reply owns stdout, and stderr stays readable."""

    def write(self, text: str) -> int:
        return len(text)


class ForbiddenCall(BaseException):
    """The target tried to open or close one of the process's own file descriptors: such a call would
    close pytest's (or the harness's) output when it runs, so it is never a test."""


def _guarded_open(real):
    def open_(file, *args, **kwargs):
        if isinstance(file, int) and not isinstance(file, bool):
            raise ForbiddenCall(f"open({file})")
        return real(file, *args, **kwargs)
    return open_


def _guarded_close(real):
    def close(fd):
        if fd in (0, 1, 2):
            raise ForbiddenCall(f"os.close({fd})")
        return real(fd)
    return close


@contextmanager
def sandbox(project_dir: Path) -> Iterator[None]:
    """cwd = project, its import roots first on sys.path, quiet streams, guarded file descriptors; all
    restored afterwards, and the project's modules dropped from sys.modules so the next run imports them
    afresh."""
    saved_streams = sys.stdout, sys.stderr, sys.stdin
    saved_calls = builtins.open, io.open, os.fdopen, os.close
    saved_fds = [os.dup(fd) for fd in (0, 1, 2)]  # put back even if something closes them after all
    before = set(sys.modules)
    try:
        with project_environment(Project(project_dir)):
            sys.stdout, sys.stderr, sys.stdin = _Discard(), _Discard(), io.StringIO("")
            builtins.open = io.open = _guarded_open(saved_calls[0])
            os.fdopen, os.close = _guarded_open(saved_calls[2]), _guarded_close(saved_calls[3])
            try:
                yield
            finally:
                builtins.open, io.open, os.fdopen, os.close = saved_calls
                for fd, copy in enumerate(saved_fds):
                    os.dup2(copy, fd)
                    os.close(copy)
                sys.stdout, sys.stderr, sys.stdin = saved_streams
    finally:
        for name in set(sys.modules) - before:
            if _inside(sys.modules.get(name), project_dir):
                del sys.modules[name]


def _inside(module: object, folder: Path) -> bool:
    filename = getattr(module, "__file__", None)
    try:
        return bool(filename) and folder in Path(filename).resolve().parents
    except (OSError, ValueError):
        return False


def load(module_name: str, target: Path) -> tuple[ModuleType, set[Arc]]:
    """Imports the target (tracing its module-level code, which every test runs too) and returns it."""
    tracer = ArcTracer(str(target))
    if module_name not in sys.modules:
        with tracer.tracing() as arcs:
            module = importlib.import_module(module_name)
        if _file(module) == target:
            return module, set(arcs)
    # Another module of that name (the standard library's `ast`, say) is loaded or won. Run the file
    # itself, registered under the name only while its own code runs (dataclasses look themselves up), so
    # the harness keeps the module it already uses.
    previous = sys.modules.get(module_name)
    spec = importlib.util.spec_from_file_location(module_name, target)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        with tracer.tracing() as arcs:
            spec.loader.exec_module(module)
    finally:
        if previous is not None:
            sys.modules[module_name] = previous
    return module, set(arcs)


def _file(module: ModuleType) -> Optional[Path]:
    filename = getattr(module, "__file__", None)
    return Path(filename).resolve() if filename else None


def tracer_filename(module: ModuleType) -> str:
    # Code objects carry the file name the module was imported under, not necessarily the resolved path.
    return module.__file__ or ""


def test_namespace(module: ModuleType) -> dict:
    """What a test module importing the target's public names sees."""
    names = {name: value for name, value in vars(module).items() if not name.startswith("_")}
    names["__builtins__"] = builtins
    return names


@dataclass
class ArcMap:
    """Possible arcs of the target and the translation of raw arcs to coverage.py's statement lines."""
    possible: frozenset[Arc]
    first_lines: dict[int, int]

    @classmethod
    def of(cls, source: str, filename: str) -> "ArcMap":
        from coverage.parser import PythonParser

        parser = PythonParser(text=source, filename=filename)
        parser.parse_source()
        lines = range(1, source.count("\n") + 2)
        return cls(frozenset(parser.arcs()), {line: parser.first_line(line) for line in lines})

    def translate(self, arcs: frozenset[Arc] | set[Arc]) -> frozenset[Arc]:
        first = self.first_lines
        return frozenset((_map(first, a), _map(first, b)) for a, b in arcs)

    def covered(self, arcs: set[Arc]) -> int:
        return len(self.possible & arcs)


def _map(first: dict[int, int], line: int) -> int:
    return -first.get(-line, -line) if line < 0 else first.get(line, line)
