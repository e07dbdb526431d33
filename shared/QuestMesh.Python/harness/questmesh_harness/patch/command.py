"""`patch`: one edit of a test module, validated by parsing; the reply says what changed, in words.

Ops by name: `replace`, `insert`, `delete` (a function, class or method). By line of a test function:
`replace_expected`, `expect_raises`. Imports: `add_import`, `import_from_target`, `fix_import`. An
edit that cannot be made is a bad request whose message says why, for the fixer's report.
"""

from __future__ import annotations

from typing import Any, Optional

from ..errors import HarnessError
from .definitions import patch_source
from .imports import Target, add_import, fix_module, fix_name, import_from_target
from .statements import expect_raises, replace_expected

BY_NAME = ("replace", "insert", "delete")
OPS = (*BY_NAME, "replace_expected", "expect_raises", "add_import", "import_from_target", "fix_import")


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


def run(request: dict) -> dict:
    source, op = request.get("source"), request.get("op")
    if not isinstance(source, str) or op not in OPS:
        raise HarnessError(f"source and op ({'|'.join(OPS)}) are required")
    detail = ""
    if op in BY_NAME:
        name = _text(request, "name")
        code = request.get("code") or ""
        if op != "delete" and not code.strip():
            raise HarnessError(f"op {op} needs code")
        patched = patch_source(source, op, name, code)
    elif op == "replace_expected":
        patched, detail = replace_expected(source, _text(request, "name"), _line(request), _text(request, "value"))
    elif op == "expect_raises":
        patched, detail = expect_raises(source, _text(request, "name"), _line(request), _text(request, "exception"),
                                        _optional_text(request, "exception_module"))
    elif op == "add_import":
        code = _text(request, "code")
        patched = add_import(source, code)
        detail = f"added `{code.strip()}`"
    elif op == "import_from_target":
        patched, detail = import_from_target(source, _text(request, "name"), Target.read(request))
    else:
        target = Target.read(request)
        missing = _optional_text(request, "missing_module")
        if missing is not None:
            patched, detail = fix_module(source, missing, target)
        elif (missing_name := _optional_text(request, "missing_name")) is not None:
            patched, detail = fix_name(source, missing_name, _optional_text(request, "imported_from"), target)
        else:
            raise HarnessError("the import error names no module or name")
    return {"source": patched, "changed": patched != source, "detail": detail}
