"""Names the search's value sources may use beyond the target's own: standard modules (`datetime`,
`itertools`), a folder tree for path parameters (`tmp_path`), and framework helpers (Django's
`RequestFactory`). Each comes with the import (or setup) the written test needs for it, so a value the
search ran is written exactly as it ran."""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Optional

# A fixed time for the tree's files (2020-01-01 00:00:00 UTC): times in headers and stat results then
# repeat from run to run, and the search can compare against them (`mtime`, If-Modified-Since).
FIXED_TIME = 1577836800
HTTP_DATE = "Wed, 01 Jan 2020 00:00:00 GMT"

# The helper the written test calls on pytest's `tmp_path`; the search runs the very same text.
TREE_HELPER = '''\
def make_files(folder):
    """A small folder tree with fixed contents and times, for path parameters."""
    (folder / "sub").mkdir()
    (folder / "empty").mkdir()
    for name, text in {"hello.txt": "hello world\\n", "index.html": "<p>hi</p>\\n", "data.json": "{\\"a\\": 1}\\n",
                       "README": "read me\\n", "hello.txt.gz": "not really gzip\\n",
                       "sub/nested.txt": "nested\\n"}.items():
        (folder / name).write_text(text)
    for path in sorted(folder.rglob("*")) + [folder]:
        os.utime(path, (1577836800, 1577836800))
    return folder
'''

DJANGO_SETUP = '''\
if not settings.configured:
    settings.configure(DEBUG=False, SECRET_KEY="questmesh-tests", ALLOWED_HOSTS=["*"], USE_TZ=True,
                       TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}])
    django.setup()
'''

# name → the import line a test needs to see it
IMPORTS = {"datetime": "import datetime", "itertools": "import itertools", "os": "import os", "io": "import io",
           "types": "import types",
           "RequestFactory": "from django.test import RequestFactory",
           "TestClient": "from fastapi.testclient import TestClient"}


@dataclass
class Support:
    """What one search adds to the test namespace, and how the written module gets the same."""
    framework: str
    project_dir: str = ""
    names: dict[str, Any] = field(default_factory=dict)
    tree: Optional[Path] = None
    _snapshot: list = field(default_factory=list)

    def unstable_texts(self) -> tuple[str, ...]:
        # Anything showing the search's own folder differs in the test, which gets a fresh one; a test
        # should not depend on where the project is checked out either.
        # The home folder too: the runner gives each step a home of its own (`expanduser('~/.netrc')`).
        home = os.path.expanduser("~")
        texts = (str(self.tree.parent) if self.tree else "", self.project_dir, home if home != "/" else "") + \
            today_markers()
        return tuple(t for t in texts if len(t) > 1)

    def refresh(self, sources: Iterable[str]) -> None:
        """Puts the tree back before a call that uses it: an earlier call may have changed it."""
        if self.tree is None or not any("tmp_path" in source for source in sources):
            return
        if _snapshot(self.tree) != self._snapshot:  # reading it back is cheaper than rebuilding every time
            shutil.rmtree(self.tree, ignore_errors=True)
            self.tree.mkdir()
            self.names["make_files"](self.tree)
            self._snapshot = _snapshot(self.tree)

    def close(self) -> None:
        if self.tree is not None:
            shutil.rmtree(self.tree.parent, ignore_errors=True)


def today_markers() -> tuple[str, ...]:
    """The clock as code tends to print it: the dates from two days back to two days on (`20261121`,
    `2026-11-21`, `2026, 11, 21`: the next occurrence of a rule that starts now is tomorrow), the hours and
    minutes of the next few minutes after the day as a datetime shows them (`, 1, 18, 17` in
    `datetime(2027, 1, 1, 18, 17)`),
    and the current epoch second's leading digits. A value showing these came from the clock and will differ
    on another day, even when three runs in a row agree."""
    import datetime
    import time

    found: list[str] = []
    for now in (datetime.datetime.now(), datetime.datetime.utcnow()):
        for days in range(-2, 3):
            moment = now + datetime.timedelta(days=days)
            found += [moment.strftime("%Y%m%d"), moment.strftime("%Y-%m-%d"), moment.strftime("%d %b %Y"),
                      f"{moment.year}, {moment.month}, {moment.day}", moment.strftime("%b %d, %Y")]
        for minutes in range(-1, 4):
            # With the day of the month before them: `, 2, 29` alone is also in `date(2020, 2, 29)` at 02:29.
            moment = now + datetime.timedelta(minutes=minutes)
            found.append(f", {moment.day}, {moment.hour}, {moment.minute}")
    found.append(str(int(time.time()))[:6])  # the same ~11.5 days of epoch seconds
    return tuple(dict.fromkeys(found))


def django_configure() -> None:
    """The same settings the written test module configures, unless the project configures its own."""
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        return
    import django
    from django.conf import settings

    exec(DJANGO_SETUP, {"settings": settings, "django": django})  # noqa: S102 - our own constant text


def prepare(framework: str, namespace: dict, project_dir: str, module_name: str) -> Support:
    support = Support(framework, project_dir)
    helper: dict[str, Any] = {"os": os}
    exec(TREE_HELPER, helper)  # noqa: S102 - our own constant text
    base = Path(tempfile.mkdtemp(prefix="questmesh-files-"))
    support.tree = base / "tmp_path"
    support.tree.mkdir()
    helper["make_files"](support.tree)
    support._snapshot = _snapshot(support.tree)
    support.names = {"tmp_path": support.tree, "make_files": helper["make_files"]}
    for name in ("datetime", "itertools", "io", "types"):
        support.names[name] = importlib.import_module(name)
    top = module_name.split(".")[0]
    if top != module_name and top in sys.modules:  # the package's own factories (`sqlparse.parse`)
        support.names[top] = sys.modules[top]
    if framework == "fastapi":
        try:
            from fastapi.testclient import TestClient
            support.names["TestClient"] = TestClient
        except Exception:  # noqa: BLE001 - without the test client (httpx), no route calls
            pass
    if framework == "django":
        try:
            from django.test import RequestFactory
            support.names["RequestFactory"] = RequestFactory
        except Exception:  # noqa: BLE001 - without django.test, no requests
            pass
    for name, value in support.names.items():
        if name not in namespace or namespace[name] is value:
            namespace[name] = value
    return support


def _snapshot(folder: Path) -> list:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files) + dirs:
            try:
                info = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            found.append((root, name, info.st_size, info.st_mtime_ns, info.st_mode))
    return found


def used_names(sources: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for source in sources:
        try:
            names |= {n.id for n in ast.walk(ast.parse(source, mode="eval")) if isinstance(n, ast.Name)}
        except SyntaxError:
            continue
    return names


def import_line(name: str, value: Any) -> Optional[str]:
    """How a test imports `name` bound to a module (the target's own `import x.y as name`)."""
    if name in IMPORTS:
        return IMPORTS[name]
    if not isinstance(value, ModuleType):
        return None
    full = value.__name__
    if full == name:
        return f"import {name}"
    parent, _, last = full.rpartition(".")
    if parent and last == name:
        return f"from {parent} import {name}"
    return f"import {full} as {name}"
