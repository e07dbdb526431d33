"""Turning a failed test or collection into structured data the fixer classifies on.

The harness has the real exception object and its traceback, so everything the fixer needs is read
from them here: the exception's qualified type, the frames (each marked as the test's, the target's,
another project file's or a library's), the missing module or name of an import or name error, and
the compared operands of a failing equality assertion. The .NET side never parses traceback text.
"""

from __future__ import annotations

import builtins
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Optional

from .operands import Operands, describe_operands
from .origin import facts
from .statement import expected_exception, target_call

MESSAGE_CAP = 2_000
TRACEBACK_CAP = 3_000
TRACEBACK_FRAMES = 6
FRAMES_KEPT = 12
FRAMES_HEAD = 4
SOURCE_CAP = 300

_ERROR_LINE = re.compile(r"^E\s+([A-Za-z_][\w.]*)(?::\s?(.*))?$")
_CANNOT_IMPORT = re.compile(r"cannot import name '([^']+)'(?: from '([^']+)')?")
_NO_MODULE = re.compile(r"No module named '([^']+)'")
_DATABASE_BLOCKED = "Database access not allowed"  # pytest-django's RuntimeError
_IMPORT_CYCLE = "partially initialized module"
_CALL_MISMATCH = re.compile(
    r"takes \d+ positional arguments?|missing \d+ required|unexpected keyword argument|got multiple values for"
    r"|takes no arguments")


@dataclass(frozen=True)
class Places:
    """Where frames belong: the test module, the target, the rest of the project, or a library."""

    test_file: Path
    target: Path
    contains: Callable[[str], bool]
    relative: Callable[[str], str]

    def kind(self, filename: str) -> str:
        if not self.contains(filename):
            return "library"
        path = Path(filename).resolve()
        if path == self.test_file:
            return "test"
        return "target" if path == self.target else "project"


@dataclass(frozen=True)
class Failure:
    """What went wrong: the reply's short fields plus the structured ``details``."""

    error_type: str
    message: str
    traceback: str
    details: dict = field(default_factory=dict)


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 15] + " ... [truncated]"


def _message(value: BaseException) -> str:
    if type(value).__name__ == "FixtureLookupError":
        given = getattr(value, "msg", None)
        return given or f"fixture '{getattr(value, 'argname', '?')}' not found"
    try:
        text = str(value)
    except Exception:  # a broken __str__ in the code under test must not crash the harness
        text = repr(value)
    return _cap(text, MESSAGE_CAP)


def qualified_type(value: BaseException) -> tuple[str, str, str]:
    """(qualified name, short name, module): builtins go by their bare name, others as module.Name."""
    kind = type(value)
    module = getattr(kind, "__module__", "") or ""
    name = getattr(kind, "__qualname__", kind.__name__)
    if module == "builtins" or getattr(builtins, kind.__name__, None) is kind:
        return kind.__name__, kind.__name__, "builtins"
    return f"{module}.{name}", kind.__name__, module


def frames_of(tb: TracebackType | None, places: Places) -> list[dict]:
    """The frames from the first project frame on (pytest's and pluggy's runner frames go), innermost last;
    of a deeper stack the outermost four and the innermost eight."""
    summaries = traceback.extract_tb(tb)
    first = next((i for i, frame in enumerate(summaries) if places.contains(frame.filename)), len(summaries))
    kept = summaries[first:]
    if len(kept) > FRAMES_KEPT:
        # The outermost frames show the test's call, the innermost where it ended (a deep recursion between).
        kept = kept[:FRAMES_HEAD] + kept[FRAMES_HEAD - FRAMES_KEPT:]
    frames = []
    for frame in kept:
        kind = places.kind(frame.filename)
        frames.append({
            "file": frame.filename if kind == "library" else places.relative(frame.filename),
            "line": frame.lineno,
            "function": frame.name,
            "source": _cap((frame.line or "").strip(), SOURCE_CAP) or None,
            "kind": kind,
        })
    return frames


def _short_traceback(frames: list[dict], last_line: str) -> str:
    lines = []
    for frame in [f for f in frames if f["kind"] != "library"][-TRACEBACK_FRAMES:]:
        lines.append(f'  File "{frame["file"]}", line {frame["line"]}, in {frame["function"]}\n')
        if frame["source"]:
            lines.append(f"    {frame['source']}\n")
    return _cap("".join(lines) + last_line, TRACEBACK_CAP)


def _missing(value: BaseException, message: str) -> dict:
    """The module or name an import, name or fixture error is about, from the exception's attributes."""
    found: dict[str, Optional[str]] = {"missing_module": None, "missing_name": None, "imported_from": None,
                                       "fixture": None}
    if isinstance(value, ModuleNotFoundError):
        match = _NO_MODULE.search(message)
        found["missing_module"] = value.name or (match.group(1) if match else None)
    elif isinstance(value, ImportError):
        match = _CANNOT_IMPORT.search(message)
        if match:
            found["missing_name"] = match.group(1)
            found["imported_from"] = match.group(2) or value.name
    elif isinstance(value, NameError):
        found["missing_name"] = getattr(value, "name", None)
    if type(value).__name__ == "FixtureLookupError":
        found["fixture"] = getattr(value, "argname", None)
    return found


def describe(value: BaseException, tb: TracebackType | None, places: Places, node_id: str, phase: str,
             operands: Optional[Operands] = None) -> Failure:
    """Describe one exception raised by a test (or its setup/teardown, or the module's import)."""
    qualified, name, module = qualified_type(value)
    message = _message(value)
    frames = frames_of(tb, places)
    line = None
    if isinstance(value, SyntaxError) and value.filename and places.kind(value.filename) == "test":
        line = value.lineno
    test_frames = [f for f in frames if f["kind"] == "test"]
    if line is None and test_frames:
        line = test_frames[-1]["line"]
    assertion = None
    if isinstance(value, AssertionError) and test_frames:
        assertion = describe_operands(operands, tb, places.test_file, test_frames[-1]["line"])
    origin = facts(value, tb, places.kind, frames)
    called_from = _calling_test_line(frames)
    details = {
        "node_id": node_id,
        "phase": phase,
        "exception_type": qualified,
        "exception_name": name,
        "exception_module": module,
        "message": message,
        "frames": frames,
        "raised_in": frames[-1]["kind"] if frames else None,
        "test_line": line,
        "assertion": assertion,
        "call_mismatch": isinstance(value, TypeError) and bool(_CALL_MISMATCH.search(message)),
        "did_not_raise": name == "Failed" and message.startswith("DID NOT RAISE"),
        **_missing(value, message),
        **origin,
        "target_call": target_call(places.test_file, called_from, origin["target_function"]),
        "expected_exception": None if name == "Failed" else expected_exception(places.test_file, line),
        "database_blocked": isinstance(value, RuntimeError) and message.startswith(_DATABASE_BLOCKED),
        "import_cycle": isinstance(value, ImportError) and _IMPORT_CYCLE in message,
    }
    return Failure(name, message, _short_traceback(frames, f"{name}: {message}"), details)


def _calling_test_line(frames: list[dict]) -> Optional[int]:
    """The line of the last test frame before the first target frame: the statement that called in."""
    line = None
    for frame in frames:
        if frame["kind"] == "target":
            return line
        if frame["kind"] == "test":
            line = frame["line"]
    return None


def collect_exception(value: BaseException) -> BaseException:
    """pytest wraps a module's import error in its own CollectError; the cause is the real exception."""
    if type(value).__name__ == "CollectError" and value.__cause__ is not None:
        return value.__cause__
    return value


def plain(node_id: str, phase: str, error_type: str, message: str) -> dict:
    """Details for a failure known only by a type name and a message (a time limit, a rendered report)."""
    return {
        "node_id": node_id, "phase": phase, "exception_type": error_type, "exception_name": error_type,
        "exception_module": None, "message": message, "frames": [], "raised_in": None, "test_line": None,
        "assertion": None, "call_mismatch": False, "did_not_raise": False, "missing_module": None,
        "missing_name": None, "imported_from": None, "fixture": None, "raised_on_purpose": None,
        "target_function": None, "call_fits_hints": None, "test_function_line": None, "target_call": None,
        "expected_exception": None, "database_blocked": False, "import_cycle": False,
    }


def describe_collect_error(longrepr: Any, node_id: str, phase: str = "collect") -> Failure:
    """A failure pytest handed over only as rendered text: its last 'E   Type: msg' line names the
    exception. Used when no exception object was seen (the plugin captures them where it can)."""
    text = str(longrepr)
    error_type, message = "CollectError", ""
    for line in text.splitlines():
        match = _ERROR_LINE.match(line.rstrip())
        if match and (match.group(1)[0].isupper() or "." in match.group(1)):
            error_type = match.group(1).rsplit(".", 1)[-1]
            message = match.group(2) or ""
    if not message:
        lines = [line for line in text.strip().splitlines() if line.strip()]
        message = lines[-1].strip() if lines else ""
    if "SyntaxError" in text and error_type == "CollectError":
        error_type = "SyntaxError"
    message = _cap(message, MESSAGE_CAP)
    return Failure(error_type, message, _cap(text, TRACEBACK_CAP), plain(node_id, phase, error_type, message))
