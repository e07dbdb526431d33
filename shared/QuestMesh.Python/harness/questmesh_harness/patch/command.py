"""`patch`: one edit of a test module, validated by parsing; the reply says what changed, in words.

Ops by name: `replace`, `insert`, `delete` (a function, class or method), `transplant` (from another
version of the module), `mark_django_db`. By line of a test function: `replace_expected`, `approx_expected`,
`expect_raises`, `replace_raises`. Module level: `add_import`, `import_from_target`, `import_module`,
`fix_import`, `configure_django`. An edit that cannot be made is a bad request whose message says why,
for the fixer's report.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from ..errors import HarnessError
from .definitions import patch_source
from .django import configure_django, mark_django_db
from .imports import Target, add_import, fix_module, fix_name, import_from_target, import_module
from .raises import replace_raises
from .statements import approx_expected, expect_raises, replace_expected
from .transplant import transplant


def _text(request: dict, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str) or not value.strip():
        raise HarnessError(f"op {request.get('op')} needs {key}")
    return value


def _optional_text(request: dict, key: str) -> Optional[str]:
    value = request.get(key)
    return value if isinstance(value, str) and value else None


def _line(request: dict) -> int:
    value: Any = request.get("line")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise HarnessError(f"op {request.get('op')} needs line (a positive integer)")
    return value


def _by_name(source: str, request: dict) -> tuple[str, str]:
    op, name = request["op"], _text(request, "name")
    code = request.get("code") or ""
    if op != "delete" and not code.strip():
        raise HarnessError(f"op {op} needs code")
    return patch_source(source, op, name, code), ""


def _exception(request: dict) -> tuple[str, Optional[str]]:
    return _text(request, "exception"), _optional_text(request, "exception_module")


def _add_import(source: str, request: dict) -> tuple[str, str]:
    code = _text(request, "code")
    return add_import(source, code), f"added `{code.strip()}`"


def _fix_import(source: str, request: dict) -> tuple[str, str]:
    target = Target.read(request)
    missing = _optional_text(request, "missing_module")
    if missing is not None:
        return fix_module(source, missing, target)
    if (missing_name := _optional_text(request, "missing_name")) is not None:
        return fix_name(source, missing_name, _optional_text(request, "imported_from"), target)
    raise HarnessError("the import error names no module or name")


Edit = Callable[[str, dict], tuple[str, str]]

EDITS: dict[str, Edit] = {
    "replace": _by_name,
    "insert": _by_name,
    "delete": _by_name,
    "transplant": lambda source, r: transplant(source, _text(r, "name"), _text(r, "from_source")),
    "mark_django_db": lambda source, r: mark_django_db(source, _text(r, "name")),
    "replace_expected": lambda source, r: replace_expected(source, _text(r, "name"), _line(r), _text(r, "value")),
    "approx_expected": lambda source, r: approx_expected(source, _text(r, "name"), _line(r)),
    "expect_raises": lambda source, r: expect_raises(source, _text(r, "name"), _line(r), *_exception(r)),
    "replace_raises": lambda source, r: replace_raises(source, _text(r, "name"), _line(r), *_exception(r)),
    "add_import": _add_import,
    "import_from_target": lambda source, r: import_from_target(source, _text(r, "name"), Target.read(r)),
    "import_module": lambda source, r: import_module(source, _text(r, "name")),
    "fix_import": _fix_import,
    "configure_django": lambda source, r: configure_django(source),
}
OPS = tuple(EDITS)


def run(request: dict) -> dict:
    source, op = request.get("source"), request.get("op")
    if not isinstance(source, str) or op not in EDITS:
        raise HarnessError(f"source and op ({'|'.join(OPS)}) are required")
    patched, detail = EDITS[op](source, request)
    return {"source": patched, "changed": patched != source, "detail": detail}
