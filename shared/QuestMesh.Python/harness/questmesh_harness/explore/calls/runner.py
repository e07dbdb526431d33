"""One candidate call of the search, and running it in-process under the arc tracer and the time limit."""

from __future__ import annotations

import asyncio
import collections.abc
import io
import itertools
import os
import random
import warnings
from dataclasses import dataclass, field
from types import CodeType, ModuleType
from typing import Any, Callable, Optional

from .blame import Blame
from .dunders import DUNDERS
from .session import ForbiddenCall
from .targets import Param, Target
from .trace import Alarm, Arc, ArcTracer, CallTimeout
from .web import spell_route

Args = tuple[tuple[str, str], ...]  # (parameter name, value source), in parameter order
MAX_ITEMS = 10_000  # items a generator may yield before the call counts as endless
UNRELIABLE = (RecursionError, MemoryError, KeyboardInterrupt, CallTimeout, ForbiddenCall)


@dataclass(frozen=True)
class Call:
    target: Target
    ctor: Args  # constructor arguments when the target needs an instance
    args: Args
    # Method calls on the instance before the one under test (`cart.add(...)` before `cart.total`).
    prep: tuple[tuple[Target, Args], ...] = ()
    # Source of the instance when a factory builds it (`sqlparse.parse('...')[0]`) instead of the constructor.
    make: str = ""
    # Calls on what the call returned, when that is a function (a decorator factory's decorator, then the
    # wrapper it makes): each step's positional sources, and whether its own result is the next function.
    then: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # Module names set for the call and put back after (`b2a_qp` to None: the code an import fallback runs);
    # the written test uses pytest's monkeypatch (unittest: mock.patch).
    patch: tuple[tuple[str, str], ...] = ()
    # `random.seed(seed)` first: the call draws from the `random` module, and a test that does not seed it would
    # see other values on every run.
    seed: Optional[int] = None


@dataclass
class Outcome:
    status: str  # returned | raised | invalid | timeout
    value: Any = None
    error: Optional[BaseException] = None
    instance: Any = None
    arg_values: dict[str, Any] = field(default_factory=dict)
    arcs: frozenset[Arc] = frozenset()
    events: int = 0  # line events in the target: the call's cost, measured the same way on every run
    iterator: bool = False  # the call returned an iterator (`map(...)`, a generator) it did not list itself
    randomized: bool = False  # the call drew from the `random` module's generator


def sources(call: Call) -> list[str]:
    """Every value source a call evaluates: constructor, preparation and call arguments."""
    found = [source for _, source in call.ctor + call.args] + ([call.make] if call.make else [])
    found += [source for step, _ in call.then for source in step] + [source for _, source in call.patch]
    return found + [source for _, args in call.prep for _, source in args]


def call_source(call: Call) -> Optional[str]:
    """The expression of a call that needs no statement before it (`lt(5)`, `Span.parse('1h')`), for using
    what it returns as an instance to call methods on; None for calls on an instance or with steps."""
    target = call.target
    if call.prep or call.make or call.then or target.kind not in ("function", "static", "classmethod"):
        return None
    positional, keyword = split(target.params, dict(call.args))
    kinds = {p.name: p.kind for p in target.params}
    parts = [f"*{source}" if kinds.get(name) == "var_positional" else source for name, source in positional]
    parts += [f"{name}={source}" for name, source in keyword]
    head = target.name if target.kind == "function" else f"{target.owner}.{target.name}"
    return f"{head}({', '.join(parts)})"


def split(params: tuple[Param, ...], given: dict[str, Any]) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """Which given arguments go by position and which by keyword; items are (name, value) either way.

    Required leading parameters go by position (`wrap(text, width=5)` reads best); when *args is given
    every positional parameter before it must go by position too.
    """
    star = any(p.kind == "var_positional" and p.name in given for p in params)
    positional: list[tuple[str, Any]] = []
    keyword: list[tuple[str, Any]] = []
    open_run = True
    for param in params:
        if param.name not in given:
            open_run = open_run and param.kind not in ("positional_only", "positional_or_keyword")
            continue
        value = given[param.name]
        if param.kind == "var_positional":
            positional.append((param.name, value))
        elif param.kind == "positional_only" or (param.kind == "positional_or_keyword" and open_run
                                                 and (star or not param.has_default)):
            positional.append((param.name, value))
        else:
            open_run = False
            keyword.append((param.name, value))
    return positional, keyword


def complete(params: tuple[Param, ...], args: dict[str, str]) -> Optional[dict[str, str]]:
    """Fills the gaps Python would reject (required parameters, positional parameters before a given
    *args or a later positional-only one), or None when a gap has no value that renders."""
    star = next((i for i, p in enumerate(params) if p.kind == "var_positional" and p.name in args), -1)
    last_positional_only = max((i for i, p in enumerate(params) if p.kind == "positional_only" and p.name in args),
                               default=-1)
    out = dict(args)
    for index, param in enumerate(params):
        if param.name in out or param.kind == "var_positional":
            continue
        forced = param.kind != "keyword_only" and (index < star or (
            param.kind == "positional_only" and index < last_positional_only))
        if param.has_default and not forced:
            continue
        if param.has_default:
            if param.default is None:
                return None
            out[param.name] = param.default
        else:
            out[param.name] = param.pool[0] if param.pool else "None"
    return {p.name: out[p.name] for p in params if p.name in out}


class Runner:
    def __init__(self, module: ModuleType, filename: str, namespace: dict, alarm: Alarm, max_events: int = 0,
                 before: Optional[Callable[[list[str]], None]] = None) -> None:
        self.module = module
        self.before = before  # puts shared fixtures (the folder tree) back before a call that uses them
        self.namespace = namespace
        self.tracer = ArcTracer(filename, max_events)
        self.blame = Blame(filename)  # the target's own `raise`, or Python's complaint about a misuse
        self.alarm = alarm
        self.cwd = os.getcwd()
        self._compiled: dict[str, CodeType] = {}

    def evaluate(self, source: str) -> Any:
        code = self._compiled.get(source)
        if code is None:
            with warnings.catch_warnings():  # `1.5(...)` from a mutated text warns at compile time: it just fails
                warnings.simplefilter("ignore")
                code = self._compiled[source] = compile(source, "<value>", "eval")
        return eval(code, self.namespace)  # noqa: S307 - sources are the search's own value texts

    def _build(self, params: tuple[Param, ...], args: Args) -> tuple[list, dict, dict[str, Any]]:
        values = {name: self.evaluate(source) for name, source in args}
        positional, keyword = split(params, values)
        flat: list = []
        for name, value in positional:
            flat.extend(value) if any(p.name == name and p.kind == "var_positional" for p in params) \
                else flat.append(value)
        return flat, dict(keyword), values

    def _patch(self, patch: tuple[tuple[str, str], ...]) -> list[tuple[str, Any]]:
        """Sets the call's module names (`pkg.mod.name`: the target's `name`); returns what they held."""
        saved = []
        for dotted, source in patch:
            name = dotted.rpartition(".")[2]
            saved.append((name, getattr(self.module, name, None)))
            setattr(self.module, name, self.evaluate(source))
        return saved

    def fresh_instance(self, call: Call) -> Any:
        """A new instance built the way the call builds its own, to tell which attributes the call changed."""
        try:  # runs inside the oracle's guard, which owns the time limit
            if call.make:
                return self.evaluate(call.make)
            pos, kw, _ = self._build(call.target.ctor, call.ctor)
            return getattr(self.module, call.target.owner)(*pos, **kw)
        except Exception:
            return None

    def guarded(self, function: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        """Runs other code that may enter the target (repr, ==, properties) under the time limit;
        (False, None) when it raised or overran."""
        try:
            with self.alarm.limit():
                return True, function(*args)
        except BaseException:  # noqa: BLE001 - whatever the target raises, even SystemExit
            return False, None

    def perform(self, call: Call) -> Outcome:
        target = call.target
        outcome = Outcome("returned")
        arcs: set = set()
        if self.before is not None:
            self.before(sources(call))
        if call.seed is not None:
            random.seed(call.seed)
        drawn = random.getstate()
        made = None
        if call.make:
            # Built outside the tracer: a factory (a whole parser) runs much slower traced, and what it runs
            # of the target, every test building the same instance runs too.
            try:
                with self.alarm.limit():
                    made = self.evaluate(call.make)
            except BaseException:  # noqa: BLE001 - an instance that cannot be built makes no test
                return Outcome("invalid")
        patched = self._patch(call.patch)
        try:
            with self.tracer.tracing() as arcs, self.alarm.limit():
                try:
                    ctor_pos, ctor_kw, _ = self._build(target.ctor, call.ctor)
                    pos, kw, outcome.arg_values = self._build(target.params, call.args)
                except Exception as error:
                    raise _SetupFailed() from error
                self._run(call, outcome, ctor_pos, ctor_kw, pos, kw, made)
        except CallTimeout:
            outcome.status = "timeout"
        except (_SetupFailed, *UNRELIABLE):
            outcome.status = "invalid"
        except BaseException as error:  # noqa: BLE001 - SystemExit and friends are observable outcomes too
            outcome.status, outcome.error = "raised", error
        finally:
            for name, value in patched:
                setattr(self.module, name, value)
        outcome.arcs = frozenset(arcs)
        outcome.events = self.tracer.events
        outcome.randomized = random.getstate() != drawn
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        return outcome

    def _run(self, call: Call, outcome: Outcome, ctor_pos: list, ctor_kw: dict, pos: list, kw: dict,
             made: Any = None) -> None:
        target = call.target
        owner = getattr(self.module, target.owner) if target.owner else None
        if target.needs_instance:
            try:
                outcome.instance = made if call.make else owner(*ctor_pos, **ctor_kw)
                for prep_target, prep_args in call.prep:
                    prep_pos, prep_kw, _ = self._build(prep_target.params, prep_args)
                    self._invoke(prep_target, outcome.instance, prep_pos, prep_kw)
            except CallTimeout:
                raise
            except BaseException as error:
                raise _SetupFailed() from error
        instance = outcome.instance
        if target.kind in ("property", "dunder", "method"):
            result = self._invoke(target, instance, pos, kw)
        elif target.kind == "function":
            result = getattr(self.module, target.name)(*pos, **kw)
        elif target.kind == "init":
            result = owner(*pos, **kw)
            outcome.instance = result
        elif target.kind in ("static", "classmethod"):
            result = getattr(owner, target.name)(*pos, **kw)
        elif target.kind == "route":  # the very expression the written test uses
            result = self.evaluate(spell_route(target, dict(call.args)))
        if target.kind not in ("property", "dunder", "method"):
            result = _settle(target, result)
        outcome.iterator = not target.is_generator and target.kind in ITERATING_KINDS and _is_iterator(result)
        function = result
        for step, rebind in call.then:
            result = function(*[self.evaluate(source) for source in step])
            function = result if rebind else function
        outcome.value = result

    @staticmethod
    def _invoke(target: Target, instance: Any, pos: list, kw: dict) -> Any:
        """Calls a member of an instance the way the written test spells it."""
        if target.kind == "property":
            return getattr(instance, target.name)
        if target.kind == "dunder":
            syntax = DUNDERS[target.name]
            # Special methods are spelled with operators: every argument goes by position, except for calls.
            return syntax.run(instance, *pos, **kw) if target.name == "__call__" else \
                syntax.run(instance, *pos, *kw.values())
        return _settle(target, getattr(instance, target.name)(*pos, **kw))


ITERATING_KINDS = ("function", "static", "classmethod", "method")


def _is_iterator(value: Any) -> bool:
    """An iterator a test would list (`map`, `filter`, a generator, `itertools` objects), not a file."""
    return isinstance(value, collections.abc.Iterator) and not isinstance(value, io.IOBase)


def _settle(target: Target, result: Any) -> Any:
    """Generators run to the end and coroutines to completion, as the written test does."""
    if target.is_generator:
        items = list(itertools.islice(result, MAX_ITEMS + 1))
        if len(items) > MAX_ITEMS:  # endless (`count()`-like): no test lists it, and listing it eats memory
            raise CallTimeout()
        return items
    if target.is_async:
        return asyncio.run(result)
    return result


class _SetupFailed(Exception):
    """The instance a method call needs could not be built; such calls are not tests."""
