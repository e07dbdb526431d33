"""Whether the arguments a target function received fit its type hints, checked on the real values.

The fixer asks it of a failure raised by Python inside the target: when the test's call fits what the
hints promise to accept and the target still fails on it, the target contradicts itself (a possible bug);
when the call gives a value the hints rule out, the test misused the code. What can be decided at run
time is decided by `typefit` (shared with the search's possible bugs); anything else leaves the answer open.
"""

from __future__ import annotations

import inspect
import typing
from types import FrameType
from typing import Any, Callable, Optional

from ..typefit import fits, promises_nothing

_MISSING = object()


def _members(value: Any, module: str) -> list[tuple[Callable, bool]]:
    """The functions a module-level name holds: itself, or a class's methods (with: is it bound)."""
    if inspect.isfunction(value):
        return [(value, False)]
    if not isinstance(value, type) or getattr(value, "__module__", None) != module:
        return []
    found: list[tuple[Callable, bool]] = []
    for member in vars(value).values():
        if isinstance(member, staticmethod):
            found.append((member.__func__, False))
        elif isinstance(member, classmethod):
            found.append((member.__func__, True))
        elif isinstance(member, property):
            found.extend((part, True) for part in (member.fget, member.fset) if part is not None)
        elif inspect.isfunction(member):
            found.append((member, True))
    return found


def function_of(frame: FrameType) -> Optional[tuple[Callable, bool]]:
    """The module-level function or method whose code the frame runs (through decorators' ``__wrapped__``),
    and whether its first parameter is the instance or class; None for a nested function or a lambda."""
    code = frame.f_code
    module = frame.f_globals.get("__name__", "")
    for value in list(frame.f_globals.values()):
        for function, bound in _members(value, module):
            inner: Optional[Callable] = function
            while inner is not None:
                if getattr(inner, "__code__", None) is code:
                    return inner, bound
                inner = getattr(inner, "__wrapped__", None)
    return None


def call_fits_hints(frame: FrameType) -> Optional[bool]:
    """Do the arguments of the call the frame runs fit the function's hints? False when one does not, True
    when every hinted parameter was checked and fits, None otherwise (no hints, or one undecidable)."""
    found = function_of(frame)
    if found is None:
        return None
    function, bound = found
    try:
        hints = typing.get_type_hints(function)
        parameters = list(inspect.signature(function).parameters.values())
    except Exception:  # unresolvable forward references, a signature Python cannot read
        return None
    if bound and parameters:
        parameters = parameters[1:]
    results = []
    for parameter in parameters:
        if parameter.name not in hints or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        value = frame.f_locals.get(parameter.name, _MISSING)
        if value is _MISSING:
            continue
        # `Any` accepts every value: the hints then say nothing about what the code expects.
        results.append(None if promises_nothing(hints[parameter.name]) else fits(value, hints[parameter.name]))
    if any(result is False for result in results):
        return False
    return True if results and all(results) else None
