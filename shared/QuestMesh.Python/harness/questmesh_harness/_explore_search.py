"""The search: systematic calls first, then seeded random mutation of the calls that reached new arcs."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ._explore_calls import Args, Call, Outcome, Runner, complete
from ._explore_mutations import mutate
from ._explore_targets import Param, Target
from ._explore_trace import Arc

MAX_SYSTEMATIC_VALUES = 16


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
    patience: int  # stop after this many calls in a row without a new arc (keeps a seed's result stable)
    deadline: float  # time.perf_counter() value; a safety stop, reported when it cuts the search short


@dataclass
class Focus:
    lines: frozenset[int] = frozenset()
    arcs: frozenset[Arc] = frozenset()

    def hit(self, arcs: Iterable[Arc]) -> bool:
        return any(arc in self.arcs or arc[1] in self.lines for arc in arcs)


@dataclass
class Search:
    runner: Runner
    targets: list[Target]
    translate: Callable[[frozenset[Arc]], frozenset[Arc]]
    rng: random.Random
    limits: Limits
    strings: list[str]
    focus: Focus = field(default_factory=Focus)
    covered: set[Arc] = field(default_factory=set)
    corpus: list[Found] = field(default_factory=list)
    seeds: list[Call] = field(default_factory=list)
    tried: set[Call] = field(default_factory=set)
    calls: int = 0
    stopped_by_deadline: bool = False

    def run(self) -> list[Found]:
        for target in self.targets:
            self._systematic(target)
        self._mutation_phase()
        return self.corpus

    def _out_of_budget(self) -> bool:
        if self.calls >= self.limits.max_calls:
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
        outcome = self.runner.perform(call)
        if outcome.status not in ("returned", "raised"):
            return None
        arcs = self.translate(outcome.arcs)
        if arcs <= self.covered:
            return None
        self.covered |= arcs
        found = Found(call, outcome, arcs, len(self.corpus), self.focus.hit(arcs))
        self.corpus.append(found)
        return found

    def _systematic(self, target: Target) -> None:
        """The baseline call, then each parameter through its pool with the others left at the baseline."""
        baseline = make_call(target, {}, {})
        if baseline is None:
            return
        self.seeds.append(baseline)
        self._try(baseline)
        for side, param in _sides(target):
            for source in param.pool[:MAX_SYSTEMATIC_VALUES]:
                if self._out_of_budget():
                    return
                self._try(with_value(baseline, side, param, source))

    def _mutation_phase(self) -> None:
        quiet = 0
        while quiet < self.limits.patience and not self._out_of_budget() and (self.corpus or self.seeds):
            parents = [f.call for f in self.corpus] + self.seeds
            weights = [4.0 if f.focus else 1.0 for f in self.corpus] + [0.5] * len(self.seeds)
            parent = self.rng.choices(parents, weights)[0]
            child = self._mutant(parent)
            if child is None or child in self.tried:
                quiet += 1
                self.calls += child is None  # a dead end still spends budget, so the loop always ends
                continue
            quiet = 0 if self._try(child) else quiet + 1

    def _mutant(self, call: Call) -> Optional[Call]:
        sides = _sides(call.target)
        if not sides:
            return None
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))):
            side, param = self.rng.choice(sides)
            current = dict(getattr(call, side))
            roll = self.rng.random()
            if param.pool and (roll < 0.3 or (param.name not in current and roll < 0.6)):
                source: Optional[str] = self.rng.choice(param.pool)
            elif roll < 0.88 or not param.has_default:
                source = self._nudge(current.get(param.name) or param.default, param)
            else:
                source = None  # back to the default
            call = with_value(call, side, param, source) or call
        return call

    def _nudge(self, source: Optional[str], param: Param) -> Optional[str]:
        if source is None:
            return self.rng.choice(param.pool) if param.pool else None
        try:
            value = self.runner.evaluate(source)
        except Exception:
            return self.rng.choice(param.pool) if param.pool else None
        return mutate(value, self.rng, self.strings, list(param.pool))


def _sides(target: Target) -> list[tuple[str, Param]]:
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
    return make_call(call.target, ctor, args)


def minimise(found: list[Found], already: set[Arc]) -> list[Found]:
    """Greedy set cover: the fewest calls that together reach every arc the search reached."""
    remaining = {f.order: f for f in found}
    covered = set(already)
    chosen: list[Found] = []
    while remaining:
        best = max(remaining.values(), key=lambda f: (len(f.arcs - covered), -f.order))
        if not best.arcs - covered:
            break
        chosen.append(best)
        covered |= best.arcs
        del remaining[best.order]
    return sorted(chosen, key=lambda f: f.order)
