"""Turns what a call did into assertions, keeping only what repeats when the call runs again."""

from __future__ import annotations

import ast
import keyword
import builtins
import collections.abc
import importlib
import io
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Optional

from ..calls.blame import Blame
from ..calls.runner import Call, Outcome
from .contracts import Contracts
from ..calls.dunders import DUNDERS
from ..inputs.values import to_source

MAX_EXPECTED = 1500
MAX_MESSAGE = 300
MAX_ATTRS = 20


@dataclass(frozen=True)
class Check:
    kind: str  # eq | approx | is | isinstance | len | message
    expr: str
    expected: str
    fallback: bool = False  # written only when the exact check on the same expression changes between runs


@dataclass
class Observation:
    raises: Optional[str]  # source of the exception type when the call raised
    checks: list[Check]
    bound: tuple[str, ...] = ()  # arguments the test binds to variables because the call changed them
    names: set[str] = field(default_factory=set)  # names to import from the target module
    modules: set[str] = field(default_factory=set)  # other modules to import (exception types)


@dataclass
class Oracle:
    module: ModuleType
    namespace: dict  # what the test module sees: builtins and the target's public names
    evaluate: Callable[[str], Any]
    fresh_instance: Callable[[Call], Any]
    instance_var: Callable[[Call], str]
    guarded: Callable[..., tuple[bool, Any]]  # runs code that may enter the target, under the time limit
    unstable: tuple[str, ...] = ()  # texts (the search's own temporary folder) no written test will see again
    blame: Optional[Blame] = None  # who raised an exception; without it every exception counts as the target's
    contracts: Optional[Contracts] = None  # the target's promises: a call that breaks one makes no test

    def observe(self, call: Call, outcomes: list[Outcome]) -> Optional[Observation]:
        """The assertions every outcome agrees on, or None when the runs disagree on what happened."""
        observations = [self.observe_once(call, outcome) for outcome in outcomes]
        return self._agreed(observations)

    def observe_once(self, call: Call, outcome: Outcome) -> Optional[Observation]:
        """What one outcome shows, or None when looking at it fails (a broken __repr__, a hang)."""
        ok, observation = self.guarded(self._look, call, outcome)
        return self._stable(observation) if ok and observation is not None else None

    def _stable(self, observation: Observation) -> Observation:
        """Without the checks on expressions whose value shows a temporary path (their length changes too)."""
        if not self.unstable:
            return observation
        paths = [text for text in self.unstable if text.startswith("/")]
        # A path's length changes with the folder too; a date's does not, so only checks showing it go.
        bad = {c.expr for c in observation.checks if any(text in c.expected for text in paths)}
        observation.checks = [c for c in observation.checks if (c.expr not in bad or c.kind == "isinstance")
                              and not any(text in c.expected for text in self.unstable)]
        return observation

    def _agreed(self, observations: list[Optional[Observation]]) -> Optional[Observation]:
        if any(o is None for o in observations):
            return None
        first = observations[0]
        if any(o.raises != first.raises for o in observations[1:]):
            return None
        stable = [c for c in first.checks if all(c in o.checks for o in observations[1:])]
        exact = {c.expr for c in stable if not c.fallback}
        stable = [c for c in stable if not c.fallback or c.expr not in exact]
        first.checks = stable
        first.bound = tuple(name for name in first.bound
                            if any(c.expr == name or c.expr.startswith(name + ".") for c in stable))
        used = " ".join([first.raises or ""] + [c.expected for c in stable])
        first.names = {n for n in first.names if re.search(rf"\b{re.escape(n)}\b", used)}
        first.modules = {m for m in first.modules if re.search(rf"\b{re.escape(m)}\.", used)}
        return first

    def _look(self, call: Call, outcome: Outcome) -> Optional[Observation]:
        if outcome.status not in ("returned", "raised"):
            return None
        if self.contracts is not None and self.contracts.contradicts(call, outcome):
            return None  # a possible bug, reported as such: pinned as expected, it would hide the bug
        observation = Observation(None, [])
        obj = self.instance_var(call) if call.target.kind != "function" else ""
        if outcome.status == "raised":
            error = outcome.error
            if self.blame is not None and self.blame.misuse(error):
                return None  # Python's complaint about a value of the wrong type: nothing to pin
            observation.raises = self._type_source(type(error), observation)
            message = str(error)
            # Only a message the target's own `raise` builds: Python's own wording changes between versions.
            own = self.blame is None or self.blame.own(error)
            if own and len(message) <= MAX_MESSAGE and " at 0x" not in message:
                observation.checks.append(Check("message", "error", repr(message)))
            return observation
        if call.target.kind == "init":
            observation.checks += self._state(obj, outcome.instance, observation, baseline=None)
            if not observation.checks:
                observation.checks.append(Check("isinstance", obj, self._type_source(type(outcome.instance),
                                                                                     observation)))
        elif call.target.kind == "dunder" and DUNDERS[call.target.name].statement:
            pass  # `obj[k] = v` has no result; the instance's state says what it did
        else:
            if obj and outcome.value is outcome.instance and outcome.instance is not None:
                observation.checks.append(Check("is", "result", obj))
            else:
                observation.checks += self.value_checks("result", outcome.value, observation)
        if call.target.needs_instance and outcome.instance is not None:
            fresh = self.fresh_instance(call)
            shown = {call.target.name} if call.target.kind == "property" else set()  # `result` has it already
            observation.checks += self._state(obj, outcome.instance, observation, baseline=fresh, skip=shown)
        self._mutated_arguments(call, outcome, observation)
        return observation

    def value_checks(self, expr: str, value: Any, observation: Observation, depth: int = 0) -> list[Check]:
        if value is None or value is True or value is False:
            return [Check("is", expr, repr(value))]
        source = to_source(value)
        if type(value) is float:
            return ([Check("approx", expr, source)] if source else []) + [Check("isinstance", expr, "float", True)]
        if source is None:
            source = self._repr_source(value, observation)
        if source is not None and len(source) <= MAX_EXPECTED:
            return [Check("eq", expr, source)] + (self._shape(expr, value, observation) if depth == 0 else [])
        checks: list[Check] = []
        if depth == 0 and source is None:
            type_source = self._type_source(type(value), observation)
            if type_source != "object":
                checks.append(Check("isinstance", expr, type_source))
        try:
            checks.append(Check("len", expr, repr(len(value))))
        except Exception:
            pass
        if depth == 0 and source is None and getattr(type(value), "__module__", "builtins") != "builtins":
            # Another library's object (a response, a parsed token) shows what the call did through its
            # attributes: `result.status_code == 304` kills more mutants than its type.
            foreign = type(value).__module__ != self.module.__name__
            # Another library's object: only what differs from its plain instance (a response's status and
            # body, not its cookie size limit), when it has one.
            baseline = _plain_instance(type(value)) if foreign else None
            checks += self._state(expr, value, observation, baseline=baseline, depth=1)
        return checks

    def _shape(self, expr: str, value: Any, observation: Observation) -> list[Check]:
        """Type and length: what is still worth asserting when the value itself differs from run to run
        (a time, an id, a random pick)."""
        checks = [Check("isinstance", expr, self._type_source(type(value), observation), True)]
        if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
            checks.append(Check("len", expr, repr(len(value)), True))
        return [c for c in checks if c.expected != "object"]

    def _state(self, expr: str, instance: Any, observation: Observation, baseline: Any, depth: int = 1,
               skip: set[str] = frozenset()) -> list[Check]:
        """Public attributes of an object; against a baseline instance, only the ones that changed."""
        checks: list[Check] = []
        before = public_attributes(baseline) if baseline is not None else {}
        for name, value in list(public_attributes(instance).items())[:MAX_ATTRS]:
            if name in skip or (baseline is not None and name in before and self._same(before[name], value)):
                continue
            checks += [c for c in self.value_checks(f"{expr}.{name}", value, observation, depth)
                       if c.kind != "isinstance"]
        shown, contents = _contents(expr, instance)
        if shown and (baseline is None or not self._same(_contents(expr, baseline)[1], contents)):
            # What a container holds after the calls (eviction order, what was dropped) is its real state.
            checks += [c for c in self.value_checks(shown, contents, observation, depth) if c.kind != "isinstance"]
        return checks

    def _same(self, before: Any, after: Any) -> bool:
        """Unchanged as far as a test can tell: the assertions written about either would be the same."""
        if before is after:
            return True
        scratch = Observation(None, [])
        return self.value_checks("x", before, scratch, 1) == self.value_checks("x", after, scratch, 1)

    def _mutated_arguments(self, call: Call, outcome: Outcome, observation: Observation) -> None:
        kinds = {p.name: p.kind for p in call.target.params}
        for name, source in call.args:
            if kinds.get(name) == "var_positional" or name not in outcome.arg_values:
                continue
            if isinstance(outcome.arg_values[name], (io.BytesIO, io.StringIO)):
                self._written(name, source, outcome.arg_values[name], observation)
                continue
            after = to_source(outcome.arg_values[name])
            try:
                before = to_source(self.evaluate(source))
            except Exception:
                continue
            if after is not None and before is not None and after != before:
                observation.bound += (name,)
                observation.checks.append(Check("eq", name, after))

    def _written(self, name: str, source: str, stream: io.BytesIO | io.StringIO, observation: Observation) -> None:
        """What the call wrote to a file object it was given (`output.getvalue() == b'...'`)."""
        try:
            before = self.evaluate(source).getvalue()
        except Exception:
            return
        after = stream.getvalue()
        if after != before and len(after) <= MAX_EXPECTED:
            observation.bound += (name,)
            observation.checks.append(Check("eq", f"{name}.getvalue()", repr(after)))

    def _repr_source(self, value: Any, observation: Observation) -> Optional[str]:
        """`repr(value)` when it evaluates, in the test's namespace, to an equal object of the same type."""
        try:
            text = repr(value)
            if len(text) > MAX_EXPECTED or text.startswith("<"):
                return None
            names = {n.id for n in ast.walk(ast.parse(text, mode="eval")) if isinstance(n, ast.Name)}
            rebuilt = eval(text, dict(self.namespace))  # noqa: S307 - the target's own repr text
            if type(rebuilt) is not type(value) or not bool(rebuilt == value):
                return None
        except Exception:
            return None
        observation.names |= {n for n in names if n in self.namespace and hasattr(self.module, n)}
        return text

    def _type_source(self, kind: type, observation: Observation) -> str:
        for candidate in kind.__mro__:
            module_name, qualname = candidate.__module__, candidate.__qualname__
            if module_name == "builtins":
                if getattr(builtins, qualname, None) is candidate:
                    return qualname
                if (spelled := _standard_name(candidate)) is not None:  # `types.FunctionType`, `weakref.ReferenceType`
                    observation.modules.add(spelled.rsplit(".", 1)[0])
                    return spelled
                continue  # `NoneType` and the like: no name a test can spell
            if module_name == self.module.__name__ and _resolve(self.module, qualname) is candidate:
                observation.names.add(qualname.split(".")[0])
                return qualname
            if any(part.startswith("_") for part in module_name.split(".")) or "<" in qualname:
                continue
            try:
                if _resolve(importlib.import_module(module_name), qualname) is candidate:
                    observation.modules.add(module_name)
                    return f"{module_name}.{qualname}"
            except Exception:
                continue
        return "object"


# The standard library's public names for the interpreter's built-in types that builtins does not name: what a
# decorator, a generator function or a cache hands back is still a type a test can check.
_STANDARD_TYPE_MODULES = ("types", "weakref", "collections", "re", "io", "itertools", "functools")
_standard_names: dict[type, Optional[str]] = {}


def _standard_name(kind: type) -> Optional[str]:
    if kind not in _standard_names:
        _standard_names[kind] = None
        for module_name in _STANDARD_TYPE_MODULES:
            module = importlib.import_module(module_name)
            found = sorted(name for name, value in vars(module).items() if value is kind and not name.startswith("_"))
            if found:
                _standard_names[kind] = f"{module_name}.{found[0]}"
                break
    return _standard_names[kind]


def _resolve(root: Any, qualname: str) -> Any:
    for part in qualname.split("."):
        root = getattr(root, part, None)
    return root


def _plain_instance(kind: type) -> Any:
    """An argument-free instance of the class or of its nearest base that has one (a test client's response
    class needs a request; the response class it extends does not)."""
    for klass in kind.__mro__[:-1]:
        try:
            return klass()
        except Exception:  # noqa: BLE001 - try the base class
            continue
    return None


def _contents(expr: str, obj: Any) -> tuple[str, Any]:
    """`dict(obj)` of a mapping or `list(obj)` of a sized iterable that is not a builtin container."""
    if type(obj).__module__ == "builtins" or isinstance(obj, (str, bytes)):
        return "", None
    try:
        if isinstance(obj, collections.abc.Mapping):
            return f"dict({expr})", dict(obj)
        if isinstance(obj, collections.abc.Sized) and isinstance(obj, collections.abc.Iterable) and len(obj) <= 50:
            return f"list({expr})", list(obj)
    except Exception:  # noqa: BLE001 - a container that cannot be read shows nothing
        pass
    return "", None


def public_attributes(obj: Any) -> dict[str, Any]:
    """Public instance attributes, then the values of public properties (the state of slotted classes
    often shows only through these)."""
    try:
        attributes = dict(vars(obj))
    except TypeError:
        slots = [s for klass in type(obj).__mro__ for s in getattr(klass, "__slots__", ())]
        attributes = {name: getattr(obj, name) for name in slots if hasattr(obj, name)}
    for klass in type(obj).__mro__:
        if klass.__module__ == "builtins":
            continue
        for name, member in vars(klass).items():
            if isinstance(member, property) and not name.startswith("_") and name not in attributes:
                try:
                    attributes[name] = getattr(obj, name)
                except Exception:
                    continue
    # `setattr(obj, "hello world", ...)` makes attributes no `obj.name` can spell: those are not asserted.
    return {name: value for name, value in attributes.items() if isinstance(name, str) and name.isidentifier()
            and not keyword.iskeyword(name) and not name.startswith("_") and not callable(value)}
