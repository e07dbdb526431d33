"""Turning a failed test or collection into the few fields the fixer classifies on.

The fixer decides by exception class first (AssertionError vs ImportError vs NameError vs a
missing fixture), then by message, and shows people the last frames of the traceback. Frames of
pytest, pluggy and unittest are noise for that purpose, so only the project's frames are kept.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Callable

MESSAGE_CAP = 2_000
TRACEBACK_CAP = 3_000
TRACEBACK_FRAMES = 6

_ERROR_LINE = re.compile(r"^E\s+([A-Za-z_][\w.]*)(?::\s?(.*))?$")


@dataclass(frozen=True)
class Failure:
    """What went wrong, in the reply's terms."""

    error_type: str
    message: str
    traceback: str


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


def short_traceback(tb: TracebackType | None, keep: Callable[[str], bool], last_line: str) -> str:
    """The last few frames that belong to the project, then the exception line."""
    frames = [frame for frame in traceback.extract_tb(tb) if keep(frame.filename)]
    lines = traceback.format_list(frames[-TRACEBACK_FRAMES:])
    return _cap("".join(lines) + last_line, TRACEBACK_CAP)


def describe(value: BaseException, tb: TracebackType | None, keep: Callable[[str], bool],
             relative: Callable[[str], str]) -> Failure:
    """Describe one exception raised by a test (or its setup/teardown)."""
    error_type = type(value).__name__
    message = _message(value)
    text = short_traceback(tb, keep, f"{error_type}: {message}")
    # Absolute paths say nothing to the reader and leak the sandbox layout.
    for frame in traceback.extract_tb(tb):
        if keep(frame.filename):
            text = text.replace(frame.filename, relative(frame.filename))
    return Failure(error_type, message, text)


def describe_collect_error(longrepr: Any) -> Failure:
    """A collection error only comes to us as pytest's rendered text; its last 'E   Type: msg'
    line names the original exception (pytest wraps import errors in its own CollectError)."""
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
    return Failure(error_type, _cap(message, MESSAGE_CAP), _cap(text, TRACEBACK_CAP))
