"""The search: systematic calls first, then seeded random mutation of the calls that reached new arcs."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional

from .runner import Args, Call, Outcome, Runner, call_source, complete
from ..inputs.doctests import Example, as_args
from .follow import MAX_THEN, follow_ups
from ..inputs.values import BYTES, FLOATS, INTS, STRINGS
from ..selection.contracts import Contracts
from ..inputs.variation import mutate, mutate_inside
from ..skips import Skips
from .targets import Param, Target
from .trace import Arc

MAX_SYSTEMATIC_VALUES = 16
CTOR_VALUES_PER_METHOD = 4
PREP_RATE = 0.25
MAX_PREP = 5  # method calls before the one under test
MAKE_RATE = 0.1  # how often a mutant swaps the instance for another factory-built one
MAKE_COST = 1500  # building an instance through a factory (a parse), which the tracer does not count
TIMEOUT_COST = 100_000
MAX_TIMEOUTS = 2  # per target; after that its calls are not tried again
CALL_COST = 200  # what a call costs beyond the target's own lines (argument building, the call, tracing)
RESERVE_PER_TARGET = 24
ADOPTED_PER_CLASS = 6  # calls whose returned instance a class's methods are tried on
MAX_REPEATS = 2000  # children in a row that were tried before (or could not be made): nothing new is near
# The basic kinds of value tried, in this order, for a parameter whose every call so far ended in Python's
# own TypeError or AttributeError (a misuse): its pool guessed the wrong kind (text for bytes, say).
OTHER_KINDS: tuple[tuple[str, ...], ...] = (
    tuple(repr(b) for b in BYTES[:6]), tuple(repr(n) for n in INTS[:6]), tuple(repr(x) for x in FLOATS[:4]),
    ("[1, 2, 3]", "[]", "['a', 'b']", "[[1, 2], [3, 4]]"), tuple(repr(t) for t in STRINGS[:4]),
    ("{'a': 1}", "{}"), ("(1, 2)", "()"))


@dataclass
class Found:
    call: Call
    outcome: Outcome
    arcs: frozenset[Arc]  # translated to coverage.py's statement lines
    order: int
    focus: bool = False


@dataclass
class Limits:
    max_calls: int
    max_work: int  # line events in the target, summed over calls: a clock that runs the same on every machine
    patience: int  # stop after this many calls in a row without a new arc (keeps a seed's result stable)
    deadline: float  # time.perf_counter() value; a safety stop, reported when it cuts the search short
    min_patience: int = 1000  # calls without a new arc the mutation phase always allows


@dataclass
class Focus:
    lines: frozenset[int] = frozenset()
    arcs: frozenset[Arc] = frozenset()

    def hit(self, arcs: Iterable[Arc]) -> bool:
        return any(arc in self.arcs or arc[1] in self.lines for arc in arcs)

    def __bool__(self) -> bool:
        return bool(self.lines or self.arcs)

    def touches(self, target: Target) -> bool:
        """Whether something still missing (a line, a branch, a surviving mutant's line) is in the target."""
        inside = range(target.lineno, target.end_lineno + 1)
        return any(line in inside for line in self.lines) or any(abs(a) in inside for arc in self.arcs for a in arc)


@dataclass
class Search:
    runner: Runner
    targets: list[Target]
    translate: Callable[[frozenset[Arc]], frozenset[Arc]]
    rng: random.Random
    limits: Limits
    strings: list[str]
    focus: Focus = field(default_factory=Focus)
    # Owner class → sources of instances the package's factories build (see inputs/makers.py).
    made: dict[str, list[str]] = field(default_factory=dict)
    # Qualname (the class name for constructors) → argument sources from its docstring examples.
    examples: dict[str, list[Example]] = field(default_factory=dict)
    covered: set[Arc] = field(default_factory=set)
    corpus: list[Found] = field(default_factory=list)
    # Calls that reached no new arc but did something new (another result or error); the mutant screen
    # picks from these too, since a new arc is not the only way a call can tell code apart.
    reserve: list[Found] = field(default_factory=list)
    _seen_results: set[tuple[str, str]] = field(default_factory=set)
    _reserved: dict[str, int] = field(default_factory=dict)
    seeds: list[Call] = field(default_factory=list)
    tried: set[Call] = field(default_factory=set)
    calls: int = 0
    work: int = 0
    _timeouts: dict[str, int] = field(default_factory=dict)
    stopped_by_deadline: bool = False
    # (target label, side, parameter) → values of another kind that worked where the pool's only misused it.
    extra_pool: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)
    _last_misuse: bool = False  # whether the last call tried ended in a misuse
    _last_iterator: bool = False  # whether the last call tried returned an iterator it did not list
    skips: Skips = field(default_factory=Skips)  # targets the harness failed on: no further calls, no tests
    # The module's classes (class → name) and the member targets of one of them, for returned instances.
    classes: dict[type, str] = field(default_factory=dict)
    members: Optional[Callable[[str], list[Target]]] = None
    deferred: list[Target] = field(default_factory=list)  # base classes' methods on subclasses (see _inherited)
    # Target label → module names an import fallback would set to None that its code reads (see hints).
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Target label → (the target as called, its baseline call, whether that call was a misuse).
    _baselines: dict[str, tuple[Target, Call, bool]] = field(default_factory=dict)
    contracts: Optional[Contracts] = None  # the target's own promises; a call that breaks one is a possible bug

    def run(self) -> list[Found]:
        """With a focus (an enhance attempt: what the suite still misses), the targets that hold something
        missing go first and through all their values; the others get their first call only, as a seed."""
        targets = sorted(self.targets, key=lambda t: not self.focus.touches(t)) if self.focus else list(self.targets)
        # Every target's first call before any target's others: a module with many targets then has a test
        # (and a seed to vary) for each even when the clock ends the systematic calls early.
        for target in targets:
            self.skips.attempt(target.label, "call", self._first, target)
        for target in targets:
            if target.label in self._baselines and (not self.focus or self.focus.touches(target)):
                self.skips.attempt(target.label, "call", self._rest, target.label)
        self._inherited()
        self._adopt_returned()
        self._mutation_phase()
        return self.kept(self.corpus)

    def _inherited(self) -> None:
        """A base class's method that no call on the base's own instances got anywhere with (it needs what only a
        subclass defines: `rrulebase.__iter__` calls `self._iter`) is tried on the subclasses' instances."""
        reached = {f.call.target.label for f in self.corpus + self.reserve}
        for target in self.deferred:
            if target.inherits not in reached and not self._out_of_budget():
                self.targets.append(target)
                self.skips.attempt(target.label, "call", self._systematic, target)

    def _adopt_returned(self) -> None:
        """Instances of the module's classes that its functions returned (`lt(5)` → a `_NumberValidator`)
        become instances to call methods on, built by that very call; a class with no targets yet (a private
        one, or one whose constructor takes what no pool has) gets its methods as targets."""
        if self.members is None:
            return
        found: dict[str, list[str]] = {}
        for f in self.corpus + self.reserve:
            name = self.classes.get(type(f.outcome.value)) if f.outcome.status == "returned" else None
            source = call_source(f.call) if name else None
            if name and source and len(found.setdefault(name, [])) < ADOPTED_PER_CLASS and source not in found[name]:
                found[name].append(source)
        owners = {t.owner for t in self.targets if t.needs_instance}
        for name, sources in found.items():
            self.made[name] = list(dict.fromkeys(self.made.get(name, []) + sources))
            if name in owners or self._out_of_budget():
                continue
            added: list[Target] = self.skips.attempt(name, "discover", self.members, name, default=[]) or []
            self.targets += added
            for target in added:
                self.skips.attempt(target.label, "call", self._systematic, target)

    def kept(self, found: list[Found]) -> list[Found]:
        return self.skips.keep(found, lambda f: f.call.target.label)

    def kept_candidates(self, candidates: list) -> list:
        """Candidates (anything with a `found`) whose target was not skipped since they were made."""
        return self.skips.keep(candidates, lambda c: c.found.call.target.label)

    def _out_of_budget(self) -> bool:
        if self.calls >= self.limits.max_calls or self.work >= self.limits.max_work:
            return True
        if time.perf_counter() > self.limits.deadline:
            self.stopped_by_deadline = True
            return True
        return False

    def _try(self, call: Optional[Call]) -> Optional[Found]:
        if call is None or call in self.tried:
            return None
        self.tried.add(call)
        self.calls += 1
        self._last_misuse = False
        outcome = self.runner.perform(call)
        self._last_iterator = outcome.iterator
        if outcome.randomized and call.seed is None:
            # It drew from `random`: the call (and its test) seed the generator first, so each run draws alike.
            return self._try(replace(call, seed=0))
        self.work += outcome.events + CALL_COST + (MAKE_COST if call.make else 0)
        if outcome.status == "timeout":
            # Stopped by the clock (a loop in C code the tracer does not see): costly, so it counts as much
            # work, and a target that keeps doing it is left alone.
            self.work += TIMEOUT_COST
            self._timeouts[call.target.label] = self._timeouts.get(call.target.label, 0) + 1
        if outcome.status not in ("returned", "raised"):
            return None
        if self.contracts is not None and self.contracts.contradicts(call, outcome):
            return None  # a possible bug: no test pins it, and what it ran is not covered by a test
        if outcome.status == "raised" and self.runner.blame.misuse(outcome.error):
            # Python's TypeError for a value the code never takes: no behaviour of the target, no test, and
            # the lines it ran do not count as covered (a call with fitting values should cover them).
            self._last_misuse = True
            return None
        arcs = self.translate(outcome.arcs)
        if arcs <= self.covered:
            self._maybe_reserve(call, outcome, arcs)
            self._follow(call, outcome)
            return None
        self.covered |= arcs
        found = Found(call, outcome, arcs, len(self.corpus), self.focus.hit(arcs))
        self.corpus.append(found)
        self._new_result(call, outcome)
        self._follow(call, outcome)
        return found

    def _follow(self, call: Call, outcome: Outcome) -> None:
        """Calls what a call returned when it is a function (see follow.py)."""
        if outcome.status == "returned" and len(call.then) < MAX_THEN and not self._out_of_budget():
            for step in follow_ups(call, outcome.value):
                self._try(step)

    def _maybe_reserve(self, call: Call, outcome: Outcome, arcs: frozenset[Arc]) -> None:
        label = call.target.label
        if self._reserved.get(label, 0) >= RESERVE_PER_TARGET or not self._new_result(call, outcome):
            return
        self._reserved[label] = self._reserved.get(label, 0) + 1
        self.reserve.append(Found(call, outcome, arcs, 1_000_000 + len(self.reserve)))

    def _new_result(self, call: Call, outcome: Outcome) -> bool:
        if outcome.status == "raised":
            shown = type(outcome.error).__name__
        else:
            ok, text = self.runner.guarded(repr, outcome.value)
            if not ok or not isinstance(text, str):
                return False
            shown = text[:300]
        key = (call.target.label, shown)
        if key in self._seen_results:
            return False
        self._seen_results.add(key)
        return True

    def _systematic(self, target: Target) -> None:
        """The baseline call, then each parameter through its pool with the others left at the baseline."""
        self._first(target)
        if target.label in self._baselines:
            self._rest(target.label)

    def _first(self, target: Target) -> None:
        """The baseline call (also on each factory-built instance, and with the module's import fallbacks set
        to None), kept as a seed for `_rest` and the mutation phase."""
        if self._out_of_budget():
            return
        baseline = make_call(target, {}, {})
        made = self.made.get(target.owner or "", []) if target.needs_instance else []
        if baseline is None and made:
            baseline = make_call(target, {p.name: "None" for p in target.ctor}, {})
        if baseline is None:
            return
        for source in made:
            self._try(replace(baseline, ctor=(), make=source))
        if baseline.make == "" and made and complete(target.ctor, {}) is None:
            baseline = replace(baseline, ctor=(), make=made[0])  # the constructor cannot run: only factories
        self._try(baseline)
        if self._last_iterator and not target.is_generator:
            # `partition(...)` returns iterators: its tests list them, as for a generator, and only then do
            # the lines that make the items run.
            listed = replace(target, is_generator=True)
            self.targets = [listed if t is target else t for t in self.targets]
            return self._first(listed)
        self._baselines[target.label] = (target, baseline, self._last_misuse)
        self.seeds.append(baseline)
        fallbacks = self.fallbacks.get(target.label, ())
        if fallbacks:  # the code behind an import fallback (`if b2a_qp is None:`): the same call without it
            patched = replace(baseline, patch=tuple((name, "None") for name in fallbacks))
            self.seeds.append(patched)
            self._try(patched)

    def _rest(self, label: str) -> None:
        """Docstring examples, then each parameter through its pool with the others left at the baseline."""
        target, baseline, baseline_misused = self._baselines[label]
        for example in self.examples.get(target.owner if target.kind == "init" else target.label, []):
            args = as_args(target.params, example)
            call = make_call(target, dict(baseline.ctor), args) if args is not None else None
            if call is not None and not self._out_of_budget():
                self._try(replace(call, make=baseline.make, ctor=() if baseline.make else call.ctor))
        misused_only: list[tuple[str, Param]] = []
        for side, param in sides(target):
            # The constructor's own target goes through its pools; for each method a few values will do.
            outcomes = [baseline_misused]
            for source in param.pool[:MAX_SYSTEMATIC_VALUES if side == "args" else CTOR_VALUES_PER_METHOD]:
                if self._out_of_budget() or self._timeouts.get(target.label, 0) >= MAX_TIMEOUTS:
                    return
                call = with_value(baseline, side, param, source)
                if call is not None and call not in self.tried:
                    self._try(call)
                    outcomes.append(self._last_misuse)
            if all(outcomes) and not (side == "ctor" and target.kind != "init"):
                misused_only.append((side, param))
        if misused_only:
            self._other_kinds(target, baseline, misused_only)

    def _other_kinds(self, target: Target, baseline: Call, stuck: list[tuple[str, Param]]) -> None:
        """Every call varying these parameters ended in a misuse: try the other basic kinds of value for each
        (bytes, numbers, lists, ...), keep a kind that gets past the misuse as the parameter's new baseline
        value, and go through the rest of that kind's values with it."""
        moved = False  # the baseline changed: a parameter stuck before may have been stuck on another's value
        for side, param in stuck:
            if moved and not all(self._misused(with_value(baseline, side, param, source))
                                 for source in param.pool[:MAX_SYSTEMATIC_VALUES]):
                continue
            for kind in OTHER_KINDS:
                if any(source in param.pool for source in kind):
                    continue  # the pool had this kind already
                if self._out_of_budget() or self._timeouts.get(target.label, 0) >= MAX_TIMEOUTS:
                    return
                first = with_value(baseline, side, param, kind[0])
                if self._misused(first):
                    continue
                assert first is not None
                baseline, moved = first, True
                self.extra_pool[(target.label, side, param.name)] = kind
                for source in kind[1:]:
                    if self._out_of_budget():
                        return
                    self._try(with_value(baseline, side, param, source))
                self.seeds.append(baseline)
                break

    def _misused(self, call: Optional[Call]) -> bool:
        """Tries a call not tried before: whether it ended in a misuse (a call that cannot be made, or was
        tried already, counts as one: it shows nothing new)."""
        if call is None or call in self.tried or self._out_of_budget():
            return True
        self._try(call)
        return self._last_misuse

    def _pool(self, call: Call, side: str, param: Param) -> tuple[str, ...]:
        return param.pool + self.extra_pool.get((call.target.label, side, param.name), ())

    def _mutation_phase(self) -> None:
        """Mutates kept calls until the budget is spent or the search stops finding arcs: it gives up after as
        many calls without a new arc as it took to find the last one (at least `min_patience`, at most the
        limit's patience), so a target still yielding arcs gets the budget and one that has run dry ends
        early. A child tried before costs no call; a long run of those means the space is exhausted."""
        quiet = repeats = 0
        progress_at = self.calls
        while not self._out_of_budget() and (self.corpus or self.seeds):
            if quiet >= min(self.limits.patience, max(self.limits.min_patience, progress_at)) \
                    or repeats >= MAX_REPEATS:
                return
            seeds = [c for c in self.seeds if self._timeouts.get(c.target.label, 0) < MAX_TIMEOUTS
                     and c.target.label not in self.skips]
            corpus = self.kept(self.corpus)
            parents = [f.call for f in corpus] + seeds
            if not parents:
                return
            weights = [4.0 if f.focus else 1.0 for f in corpus] + \
                [2.0 if self.focus and self.focus.touches(c.target) else 0.5 for c in seeds]
            parent = self.rng.choices(parents, weights)[0]
            child = self.skips.attempt(parent.target.label, "call", self.mutant, parent)
            if child is None or child in self.tried:
                repeats += 1
                continue
            repeats = 0
            if self.skips.attempt(parent.target.label, "call", self._try, child):
                quiet, progress_at = 0, self.calls
            else:
                quiet += 1

    def mutant(self, call: Call) -> Optional[Call]:
        if call.target.needs_instance and self.rng.random() < PREP_RATE:
            return self._with_other_prep(call)
        made = self.made.get(call.target.owner or "", []) if call.target.needs_instance else []
        if made and self.rng.random() < MAKE_RATE:
            return replace(call, ctor=(), make=self.rng.choice(made))
        options = [(side, p) for side, p in sides(call.target) if not (call.make and side == "ctor")]
        if not options:
            return None
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))):
            side, param = self.rng.choice(options)
            current = dict(getattr(call, side))
            roll = self.rng.random()
            values = self._pool(call, side, param)
            if values and (roll < 0.3 or (param.name not in current and roll < 0.6)):
                source: Optional[str] = self.rng.choice(values)
            elif roll < 0.88 or not param.has_default:
                source = self._nudge(current.get(param.name) or param.default, values)
            else:
                source = None  # back to the default
            call = with_value(call, side, param, source) or call
        return call

    def _with_other_prep(self, call: Call) -> Optional[Call]:
        """The call after more kept method calls on its instance (construct, several changes, then the call
        under test), or with one step fewer."""
        donors = [f.call for f in self.corpus
                  if f.call.target.owner == call.target.owner and f.call.target.kind in ("method", "dunder")
                  and f.outcome.status == "returned"]
        if not donors or (call.prep and self.rng.random() < 0.25):
            if not call.prep:
                return None
            cut = self.rng.randrange(len(call.prep))
            return replace(call, prep=call.prep[:cut] + call.prep[cut + 1:])
        donor = self.rng.choice(donors)
        steps = donor.prep + ((donor.target, self._varied(donor.target, donor.args)),)
        if call.prep:
            return replace(call, prep=(call.prep + steps)[:MAX_PREP])
        # The donor's constructor arguments come along: they are what let its calls succeed.
        return replace(call, ctor=donor.ctor, make=donor.make, prep=steps[:MAX_PREP])

    def _varied(self, target: Target, args: Args) -> Args:
        """A step's arguments, sometimes with one value changed: `c[1] = 1; c[2] = 2` evicts, `c[1] = 1` twice
        does not."""
        options = [p for p in target.params if p.pool]
        if not options or self.rng.random() < 0.4:
            return args
        param = self.rng.choice(options)
        values = dict(args)
        values[param.name] = self.rng.choice(param.pool)
        changed = complete(target.params, values)
        return _ordered(target.params, changed) if changed is not None else args

    def _nudge(self, source: Optional[str], values: tuple[str, ...]) -> Optional[str]:
        if source is None:
            return self.rng.choice(values) if values else None
        inside = mutate_inside(source, self.rng, self.strings)
        if inside is not None:
            return inside
        ok, value = self.runner.guarded(self.runner.evaluate, source)
        if not ok:
            return self.rng.choice(values) if values else None
        return mutate(value, self.rng, self.strings, list(values))


def sides(target: Target) -> list[tuple[str, Param]]:
    return [("ctor", p) for p in target.ctor] + [("args", p) for p in target.params]


def make_call(target: Target, ctor: dict[str, str], args: dict[str, str]) -> Optional[Call]:
    full_ctor = complete(target.ctor, ctor)
    full_args = complete(target.params, args)
    if full_ctor is None or full_args is None:
        return None
    return Call(target, _ordered(target.ctor, full_ctor), _ordered(target.params, full_args))


def _ordered(params: tuple[Param, ...], values: dict[str, str]) -> Args:
    return tuple((p.name, values[p.name]) for p in params if p.name in values)


def with_value(call: Call, side: str, param: Param, source: Optional[str]) -> Optional[Call]:
    ctor, args = dict(call.ctor), dict(call.args)
    chosen = ctor if side == "ctor" else args
    if source is None or source == param.default:
        chosen.pop(param.name, None)
    else:
        chosen[param.name] = source
    if call.make and side == "ctor":
        return None  # a factory-built instance has no constructor arguments to change
    changed = make_call(call.target, ctor, args) if not call.make else \
        (make_call(call.target, {p.name: "None" for p in call.target.ctor}, args))
    if changed is None:
        return None
    return replace(changed, prep=call.prep, make=call.make, ctor=() if call.make else changed.ctor, then=call.then,
                   patch=call.patch, seed=call.seed)
