"""What a repository declares it depends on, as data: requirement files, `pyproject.toml` and `setup.cfg`.

Read where people keep them: the Python root and, when that is another folder, the repository root.
- `requirements*.txt` and `requirements/*.txt`: a requirement per line (`\\` continues a line, `#` starts a
  comment, `--hash` options are dropped); `-r`/`--requirement` includes are followed inside the repository.
- `pyproject.toml`: `[project]` `dependencies` and every group of `optional-dependencies`.
- `setup.cfg`: `[options]` `install_requires` and every group of `[options.extras_require]`.
Every requirement is checked with `packaging` (as pip reads it). What is not installed is listed with why:
editable and direct references (a URL or a path: QuestMesh installs from its configured index or wheel folder
only), pip options (the index is QuestMesh's setting, not the repository's), the project itself, lines that are
not requirements, and files that are never run or read (`setup.py`, `Pipfile`, Poetry's tables). Nothing is
imported or run here.
"""

from __future__ import annotations

import configparser
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

MAX_FILE_BYTES = 1024 * 1024
_HASH = re.compile(r"\s+--hash[=\s]\S+")
_COMMENT = re.compile(r"(^|\s)#.*$")
_INCLUDE = re.compile(r"^(?:-r|--requirement)(?:\s+|=)(\S+)$")
_CONSTRAINT = re.compile(r"^(?:-c|--constraint)(?:\s|=)")
_EDITABLE = re.compile(r"^(?:-e|--editable)(?:\s|=)")
_DIRECT = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|git\+|hg\+|svn\+|bzr\+|\.{1,2}/|/|~)|\.(?:whl|zip|tar\.gz|tgz)$", re.I)

OPTION = "a pip option: QuestMesh installs from its own index or wheel folder settings, not the repository's"
DIRECT = "a direct reference (a URL or a path): QuestMesh installs from its configured index or wheel folder only"
EDITABLE = ("an editable install: the repository's own code is on sys.path already, "
            "and other paths or URLs are not installed")
CONSTRAINTS = "a constraints file: not applied"
UNREADABLE = f"not read: not a regular text file of at most {MAX_FILE_BYTES} bytes"


@dataclass
class Declarations:
    root: Path  # the repository: every path in the reply is relative to it
    files: list[str] = field(default_factory=list)
    requirements: list[dict] = field(default_factory=list)
    ignored: list[dict] = field(default_factory=list)
    _seen: set[Path] = field(default_factory=set)

    def add(self, text: str, source: str, line: int | None, group: str | None, project: str | None = None) -> None:
        try:
            requirement = Requirement(text)
        except InvalidRequirement as error:
            reason = DIRECT if _DIRECT.search(text) else f"not a requirement ({_first_line(str(error))})"
            self.ignore(source, line, text, reason)
            return
        if requirement.url:
            self.ignore(source, line, text, DIRECT)
        elif project is not None and canonicalize_name(requirement.name) == project:
            self.ignore(source, line, text, "the project itself: its code is on sys.path already")
        else:
            self.requirements.append({"requirement": str(requirement), "name": canonicalize_name(requirement.name),
                                      "source": source, "line": line, "group": group})

    def ignore(self, source: str, line: int | None, text: str, reason: str) -> None:
        self.ignored.append({"source": source, "line": line, "text": text, "reason": reason})

    def to_dict(self) -> dict:
        unique = list(dict.fromkeys(r["requirement"] for r in self.requirements))
        return {"files": self.files, "requirements": self.requirements, "install": unique, "ignored": self.ignored}


def declarations(repo: Path, python_root: Path) -> dict:
    """The dependencies declared in the Python root and the repository root (see the module's docstring)."""
    found = Declarations(repo)
    for folder in dict.fromkeys([python_root, repo]):
        for path in _requirement_files(folder):
            _requirements_file(found, path)
        _pyproject(found, folder / "pyproject.toml")
        _setup_cfg(found, folder / "setup.cfg")
        for name, reason in (("setup.py", "setup.py is never run, so its install_requires are not read"),
                             ("Pipfile", "Pipfile is not read; list the dependencies in a requirements file")):
            if _regular(folder / name):
                found.ignore(_shown(found, folder / name), None, name, reason)
    return found.to_dict()


def _requirement_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("requirements*.txt")) + sorted((folder / "requirements").glob("*.txt"))
    return [path for path in files if _regular(path)]


def _requirements_file(found: Declarations, path: Path) -> None:
    real = Path(os.path.realpath(path))
    if real in found._seen or not (real == found.root or found.root in real.parents):
        return
    found._seen.add(real)
    if (read := _declaration(found, path)) is None:
        return
    shown, text = read
    found.files.append(shown)
    for number, line in _logical_lines(text):
        include = _INCLUDE.match(line)
        if include:
            included = path.parent / include.group(1)
            if _regular(included):
                _requirements_file(found, included)
            else:
                found.ignore(shown, number, line, "an included file that is not in the repository")
        elif _CONSTRAINT.match(line):
            found.ignore(shown, number, line, CONSTRAINTS)
        elif _EDITABLE.match(line):
            found.ignore(shown, number, line, EDITABLE)
        elif line.startswith("-"):
            found.ignore(shown, number, line, OPTION)
        else:
            found.add(line, shown, number, None)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each requirement line: continuations joined, comments and hashes dropped."""
    lines: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        start, before = pending if pending else (number, "")
        if raw.endswith("\\"):
            pending = (start, before + raw[:-1])
            continue
        pending = None
        line = _HASH.sub("", _COMMENT.sub("", before + raw)).strip()
        if line:
            lines.append((start, line))
    if pending and pending[1].strip():
        lines.append((pending[0], _HASH.sub("", _COMMENT.sub("", pending[1])).strip()))
    return lines


def _pyproject(found: Declarations, path: Path) -> None:
    if not _regular(path) or (read := _declaration(found, path)) is None:
        return
    shown, text = read
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found.ignore(shown, None, "pyproject.toml", f"not valid TOML ({error})")
        return
    table = data.get("project")
    project: dict = table if isinstance(table, dict) else {}
    name = canonicalize_name(project["name"]) if isinstance(project.get("name"), str) else None
    groups: list[tuple[str | None, object]] = [(None, project.get("dependencies"))]
    optional = project.get("optional-dependencies")
    if isinstance(optional, dict):
        groups.extend(sorted(optional.items()))
    if any(isinstance(entries, list) and entries for _, entries in groups):
        found.files.append(shown)
    for group, entries in groups:
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, str):
                found.add(entry, shown, None, group, project=name)
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("poetry"), dict) and "dependencies" in tool["poetry"]:
        found.ignore(shown, None, "[tool.poetry.dependencies]",
                     "Poetry's tables are not read; list the dependencies in [project] or a requirements file")


def _setup_cfg(found: Declarations, path: Path) -> None:
    if not _regular(path) or (read := _declaration(found, path)) is None:
        return
    shown, text = read
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=shown)
    except configparser.Error as error:
        found.ignore(shown, None, "setup.cfg", f"not readable ({_first_line(str(error))})")
        return
    name = parser.get("metadata", "name", fallback=None)
    project = canonicalize_name(name) if name else None
    groups: list[tuple[str | None, str]] = [(None, parser.get("options", "install_requires", fallback=""))]
    if parser.has_section("options.extras_require"):
        groups.extend(sorted(parser.items("options.extras_require")))
    if any(value.strip() for _, value in groups):
        found.files.append(shown)
    for group, value in groups:
        for line in value.splitlines():
            line = _COMMENT.sub("", line).strip()
            if line:
                found.add(line, shown, None, group, project=project)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _read(path: Path) -> str | None:
    """The text of a regular file (never a link, a FIFO or a device), or None."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        return handle.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")


def _declaration(found: Declarations, path: Path) -> tuple[str, str] | None:
    """A declaration file's path as the repository shows it and its text; one that cannot be read is left out, said
    so in the survey."""
    shown = _shown(found, path)
    text = _read(path)
    if text is None:
        found.ignore(shown, None, path.name, UNREADABLE)
        return None
    return shown, text


def _shown(found: Declarations, path: Path) -> str:
    return path.relative_to(found.root).as_posix()


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
