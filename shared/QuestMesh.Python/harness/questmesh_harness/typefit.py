"""Whether a real value has the type a hint names: the one check the search (possible bugs) and the execution
(the fixer's code bugs) share.

Only what can be decided at run time is decided: classes (PEP 484's numeric tower: an int where a float or a
complex is hinted, a bool not), None, unions, literals, `Annotated`, `NewType`, callables, and containers with
the types of their first items (`list[float]`, `dict[str, int]`, `tuple[int, ...]`). Anything else (a type
variable with a bound, a protocol, a name the module cannot resolve) leaves the answer open (None).
"""

from __future__ import annotations

import collections.abc
import types
import typing
from typing import Any, Iterable, Optional

MAX_ITEMS = 50  # items of a container checked against its hint
_NONE = type(None)
_UNIONS = (typing.Union, types.UnionType)


def promises_nothing(hint: Any) -> bool:
    """`Any` and `object` accept every value, so a value having them says nothing about what the code expects."""
    return hint is Any or hint is object


def fits(value: Any, hint: Any) -> Optional[bool]:
    """True when the value has the hinted type, False when it has not, None when that cannot be decided."""
    if promises_nothing(hint):
        return True
    if hint is None or hint is _NONE:
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is complex:
        return isinstance(value, (int, float, complex)) and not isinstance(value, bool)
    if isinstance(hint, typing.TypeVar):
        return True if hint.__bound__ is None and not hint.__constraints__ else None
    supertype = getattr(hint, "__supertype__", None)
    if supertype is not None:  # typing.NewType
        return fits(value, supertype)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in _UNIONS:
        answers = [fits(value, arg) for arg in args]
        return True if True in answers else (None if None in answers else False)
    if origin is typing.Literal:
        return any(value == arg and type(value) is type(arg) for arg in args)
    if origin is typing.Annotated:
        return fits(value, args[0])
    if origin is not None:
        return _generic(value, origin, args)
    if not isinstance(hint, type) or getattr(hint, "_is_protocol", False):
        return None
    try:
        return isinstance(value, hint)
    except TypeError:
        return None


def _generic(value: Any, origin: Any, args: tuple) -> Optional[bool]:
    if origin is collections.abc.Callable:
        return callable(value)
    if not isinstance(origin, type):
        return None
    try:
        if not isinstance(value, origin):
            return False
    except TypeError:
        return None
    if not args:
        return True
    if isinstance(value, tuple) and origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return every(fits(item, args[0]) for item in value[:MAX_ITEMS])
        return len(value) == len(args) and every(fits(item, arg) for item, arg in zip(value, args))
    if isinstance(value, collections.abc.Mapping) and len(args) == 2:
        items = list(value.items())[:MAX_ITEMS]
        return every([fits(k, args[0]) for k, _ in items] + [fits(v, args[1]) for _, v in items])
    if isinstance(value, (str, bytes)):
        return True
    if not isinstance(value, collections.abc.Collection) or len(args) != 1:
        return None
    return every(fits(item, args[0]) for item in list(value)[:MAX_ITEMS])


def every(answers: Iterable[Optional[bool]]) -> Optional[bool]:
    """False when any answer is False, else None when any is open, else True."""
    listed = list(answers)
    return False if False in listed else (None if None in listed else True)
