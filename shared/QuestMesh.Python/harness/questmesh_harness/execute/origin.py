"""What the traceback says about the target's part in a failure, from the live frames.

The test called into the target (the outermost target frame: which function, with which arguments, and
did they fit its hints), and the exception left the target somewhere (the innermost target frame: one of
its own ``raise`` statements naming that class, or Python raising on its behalf). The ``raise``
reading is explore's (`explore/calls/blame.py`), so the search and the fixer judge an exception alike.
"""

from __future__ import annotations

from types import FrameType, TracebackType
from typing import Callable, Optional

from ..explore.calls.blame import Blame
from .hints import call_fits_hints


def _walk(tb: TracebackType | None) -> list[FrameType]:
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


def facts(value: BaseException, tb: TracebackType | None, kind_of: Callable[[str], str],
          frames: list[dict]) -> dict:
    """``raised_on_purpose``, ``target_function``, ``call_fits_hints`` and ``test_function_line`` of one
    failure; ``kind_of(filename)`` is the frame kind (test, target, project, library), ``frames`` the
    failure's kept frames, innermost last."""
    live = _walk(tb)
    kinds = [kind_of(frame.f_code.co_filename) for frame in live]
    target = [frame for frame, kind in zip(live, kinds) if kind == "target"]
    tests = [frame for frame, kind in zip(live, kinds) if kind == "test"]
    innermost = next((frame["kind"] for frame in reversed(frames) if frame["kind"] != "library"), None)
    on_purpose: Optional[bool] = None
    if innermost == "target" and target:
        on_purpose = Blame(target[-1].f_code.co_filename).own(value)
    outer = target[0] if target else None
    called = outer is not None and outer.f_code.co_name != "<module>"
    return {
        "raised_on_purpose": on_purpose,
        "target_function": _qualified_name(outer) if called and outer is not None else None,
        "call_fits_hints": call_fits_hints(outer) if called and outer is not None else None,
        "test_function_line": tests[-1].f_code.co_firstlineno if tests else None,
    }


def _qualified_name(frame: FrameType) -> str:
    return getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
