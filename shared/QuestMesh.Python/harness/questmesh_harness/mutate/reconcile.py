"""Re-running module-level code in a live module without breaking the objects tests hold.

A mutant in a module or class body (a constant, a class attribute, a default value) only shows
if that code runs again. Re-running a statement makes new function and class objects, but the
test modules imported the old ones (``from mod import TextWrapper``) and old instances point at
old classes. So each new function or class is *merged into* the old object (code, defaults and
attributes move across) and the old object stays in place; only plain values that really differ
are replaced, and references to them in the project's other modules are rebound.
"""

from __future__ import annotations

import re
from enum import EnumMeta
from types import CodeType, FunctionType, GetSetDescriptorType, MemberDescriptorType, ModuleType
from typing import Any, Iterable

_MISSING = object()
_CLASS_SKIP = frozenset({"__dict__", "__weakref__", "__module__", "__qualname__", "__doc__",
                         "_abc_impl"})
_VALUE_TYPES = (int, float, complex, str, bytes, bool, type(None), tuple, frozenset, list, dict,
                set, range, slice)


def equivalent(old: Any, new: Any) -> bool:
    """Would a test notice if ``new`` stood where ``old`` is? Identity is kept when it would not."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, re.Pattern):
        return old.pattern == new.pattern and old.flags == new.flags
    if isinstance(old, _VALUE_TYPES):
        try:
            return bool(old == new)
        except Exception:
            return False
    return False


class Merger:
    """Merges re-created objects into the originals; remembers what had to be replaced."""

    def __init__(self) -> None:
        self.replaced: dict[int, tuple[Any, Any]] = {}
        # (id(old), id(new)) -> (old, new, kept); holding the objects keeps their ids unique.
        self._done: dict[tuple[int, int], tuple[Any, Any, Any]] = {}

    def merge(self, old: Any, new: Any) -> Any:
        """The object to keep: ``old`` updated in place when possible, else ``new``."""
        if old is new:
            return old
        key = (id(old), id(new))
        if key in self._done:
            return self._done[key][2]
        self._done[key] = (old, new, old)  # a cycle (a method's class) resolves to the old one
        kept = self._merge(old, new)
        self._done[key] = (old, new, kept)
        if kept is not old:
            self.replaced[id(old)] = (old, kept)
        return kept

    def _merge(self, old: Any, new: Any) -> Any:
        if type(old) is FunctionType and type(new) is FunctionType:
            return old if self.transplant(old, new) else new
        if isinstance(old, type) and isinstance(new, type):
            return old if self._merge_class(old, new) else new
        if equivalent(old, new):
            return old
        if type(old) is type(new) and isinstance(old, (staticmethod, classmethod)):
            inner_old, inner_new = old.__func__, new.__func__
            if type(inner_old) is FunctionType and type(inner_new) is FunctionType:
                return old if self.transplant(inner_old, inner_new) else new
        if type(old) is property and type(new) is property:
            return old if self._merge_property(old, new) else new
        return new

    def transplant(self, old: FunctionType, new: FunctionType) -> bool:
        """Give ``old`` the behaviour of ``new`` (its code, defaults and closed-over values)."""
        if old.__code__.co_freevars != new.__code__.co_freevars:
            return False
        for name, old_cell, new_cell in zip(old.__code__.co_freevars, old.__closure__ or (),
                                            new.__closure__ or ()):
            if name == "__class__":  # the old method must keep pointing at the old class
                continue
            try:
                old_value, new_value = old_cell.cell_contents, new_cell.cell_contents
            except ValueError:
                continue
            kept = self.merge(old_value, new_value)  # a decorator's wrapped function, say
            if kept is not old_value:
                old_cell.cell_contents = kept
        old.__code__ = new.__code__
        old.__defaults__ = new.__defaults__
        old.__kwdefaults__ = new.__kwdefaults__
        return True

    def _merge_property(self, old: property, new: property) -> bool:
        pairs = [(old.fget, new.fget), (old.fset, new.fset), (old.fdel, new.fdel)]
        if any((a is None) != (b is None) for a, b in pairs):
            return False
        return all(a is None or (type(a) is FunctionType and type(b) is FunctionType
                                 and self.transplant(a, b)) for a, b in pairs)

    def _merge_class(self, old: type, new: type) -> bool:
        # What class creation fixes for good (bases, metaclass, slots) cannot be merged: the
        # new class replaces the old one instead.
        if (old.__name__ != new.__name__ or type(old) is not type(new)
                or isinstance(old, EnumMeta) or old.__bases__ != new.__bases__
                or not equivalent(vars(old).get("__slots__"), vars(new).get("__slots__"))):
            return False
        try:
            for attr, new_value in list(vars(new).items()):
                if attr in _CLASS_SKIP or isinstance(new_value, (MemberDescriptorType,
                                                                 GetSetDescriptorType)):
                    continue
                old_value = vars(old).get(attr, _MISSING)
                kept = new_value if old_value is _MISSING else self.merge(old_value, new_value)
                if kept is not old_value:
                    setattr(old, attr, kept)
            for attr in set(vars(old)) - set(vars(new)) - _CLASS_SKIP:
                if not isinstance(vars(old)[attr], (MemberDescriptorType, GetSetDescriptorType)):
                    delattr(old, attr)
        except (AttributeError, TypeError, ValueError):
            return False
        return True


def reexecute(module: ModuleType, codes: Iterable[CodeType], others: Iterable[ModuleType]) -> None:
    """Run ``codes`` (one per module-level statement) in the module's namespace, merging every
    re-created object into the one it replaces before the next statement runs, so later
    statements (subclasses, instances, dispatch tables) see the original objects. References
    to objects that had to be replaced are rebound in ``others`` (the test modules)."""
    namespace = module.__dict__
    merger = Merger()
    for code in codes:
        before = dict(namespace)
        exec(code, namespace)
        for name, new_value in list(namespace.items()):
            old_value = before.get(name, _MISSING)
            if old_value is not _MISSING and old_value is not new_value:
                namespace[name] = merger.merge(old_value, new_value)
    if merger.replaced:
        rebind(merger.replaced, others)


def rebind(replaced: dict[int, tuple[Any, Any]], others: Iterable[ModuleType]) -> None:
    """Point other modules at objects that had to be replaced: their globals and the
    attributes of the classes they define."""
    for other in others:
        owners: list[Any] = [other] + [value for value in list(vars(other).values())
                                       if isinstance(value, type)
                                       and value.__module__ == other.__name__]
        for owner in owners:
            for name, value in list(vars(owner).items()):
                entry = replaced.get(id(value))
                if entry is not None and entry[0] is value:
                    try:
                        setattr(owner, name, entry[1])
                    except (AttributeError, TypeError):
                        pass
