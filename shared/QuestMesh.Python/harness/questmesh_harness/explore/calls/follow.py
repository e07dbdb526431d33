"""Following a returned function: `cached(cache)` returns a decorator, the decorator a wrapper, the wrapper
the cached value. The search calls each in turn (and the last one again, which is where caches answer), so a
decorator factory's inner code runs like any other function's."""

from __future__ import annotations

import functools
import inspect
import re
from dataclasses import replace
from typing import Any

MAX_THEN = 4
# What a decorator is given: a function whose result shows how it was called.
FUNCTIONS = ["lambda *args, **kwargs: [args, kwargs]", "lambda x: x * 2"]
ARGUMENTS = ["1", "'a'", "2"]
FUNCTION_NAMES = re.compile(r"(^|_)(f|fn|func|function|method|wrapped|callable|user_function|callback|view)$")


def _plain_function(value: Any) -> bool:
    return not isinstance(value, type) and (inspect.isfunction(value) or inspect.ismethod(value)
                                            or isinstance(value, functools.partial))


def follow_ups(call: Any, value: Any) -> list[Any]:
    """Longer calls: a call on the returned function, or the last step once more (or with another value)."""
    if call.target.kind not in ("function", "static", "classmethod", "method"):
        return []
    if _plain_function(value):
        # What the call (or its last step) returned is the function the next step calls.
        then = call.then[:-1] + ((call.then[-1][0], True),) if call.then else ()
        return [replace(call, then=then + ((step, False),)) for step in _arguments(value)]
    if not call.then:
        return []
    last = call.then[-1][0]
    calls = [replace(call, then=call.then + ((last, False),))]
    if last:
        calls.append(replace(call, then=call.then + ((tuple(ARGUMENTS[2] for _ in last), False),)))
    return calls


def _arguments(function: Any) -> list[tuple[str, ...]]:
    """The arguments a returned function is called with first: a function for a decorator, a value for a
    one-argument (or `*args`) function, nothing for one without parameters."""
    try:
        params = [p for p in inspect.signature(function).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)]
    except (TypeError, ValueError):
        return []
    required = [p for p in params if p.default is p.empty and p.kind != p.VAR_POSITIONAL]
    if len(required) > 1:
        return []
    if required and FUNCTION_NAMES.search(required[0].name.lower()):
        return [(source,) for source in FUNCTIONS[:1]]
    if required or any(p.kind == p.VAR_POSITIONAL for p in params):
        return [(ARGUMENTS[0],), (ARGUMENTS[1],)]
    return [()]
