"""Which of the search's calls become tests: observed (stable assertions only), screened against quick
mutants, chosen by a greedy cover of arcs and killed mutants, then simplified (defaults restored, long
strings shortened) as long as each keeps what only it contributes."""

from __future__ import annotations

import inspect
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import AbstractSet, Any, Callable, Iterator, Optional

from ...mutate.swap import LiveModule
from ..calls.runner import Call, Runner
from .screen import HANG, Mutant, generate, instantiate, screen
from .oracle import Observation, Oracle
from ..calls.search import Found, sides, with_value
from ..calls.session import test_namespace
from ..skips import Skips
from ..calls.trace import Alarm, Arc

RERUNS = 3
# Slices of a long text to try leaving out, largest first; tried again and again while they keep working.
CUTS = ((0.5, 1.0), (0.0, 0.5), (0.33, 0.67), (0.5, 1.0), (0.0, 0.5), (0.75, 1.0), (0.0, 0.25), (0.5, 1.0),
        (0.25, 0.5), (0.5, 0.75))


@dataclass
class Candidate:
    found: Found
    observation: Observation
    value: Any  # the call's result, for the test name
    kills: set[int] = field(default_factory=set)
    confirmed: bool = True  # observed over all reruns (else once: `confirm` runs it again before it is kept)


def confirm(candidates: list[Candidate], runner: Runner, oracle: Oracle) -> list[Candidate]:
    """Candidates observed once, observed over all reruns; one whose runs disagree is dropped, one whose
    assertions lose a check it had keeps only the kills it still shows."""
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.confirmed:
            kept.append(candidate)
            continue
        observed = observe(runner, oracle, candidate.found.call)
        if observed is None:
            continue
        same = observed[0].raises == candidate.observation.raises and \
            all(check in observed[0].checks for check in candidate.observation.checks)
        kept.append(Candidate(candidate.found, observed[0], observed[1], candidate.kills if same else set()))
    return kept


def observe(runner: Runner, oracle: Oracle, call: Call, runs: int = RERUNS) -> Optional[tuple[Observation, Any]]:
    """The assertions `runs` runs of the call agree on (one run: a first look, confirmed before it is written)."""
    outcomes = [runner.perform(call) for _ in range(runs)]
    observation = oracle.observe(call, outcomes)
    return (observation, outcomes[0].value) if observation is not None else None


def differs(expected: Observation, got: Optional[Observation]) -> bool:
    if got is None or expected.raises != got.raises:
        return True
    return any(check not in got.checks for check in expected.checks)


@dataclass
class MutantLab:
    """Mutants to run calls against. A mutant in a function body is put into the imported module itself for
    the call (the mutated function's code swapped in, and back afterwards), which costs one small compile;
    any other is a module of its own, the whole mutated file run once, with its own runner and oracle."""
    module_name: str
    filename: str
    alarm: Alarm
    instance_var: Callable[[Call], str]
    max_events: int
    support: Any = None  # the search's extra names (folder tree, clocks), which the mutants' calls use too
    reach: dict[int, frozenset[int]] = field(default_factory=dict)  # see screen.reach_map
    mutants: dict[int, Mutant] = field(default_factory=dict)
    module: Any = None  # the imported target, for swapping mutated code in
    _envs: dict[int, Optional[tuple[Runner, Oracle]]] = field(default_factory=dict)
    _swaps: dict[int, Optional[list]] = field(default_factory=dict)
    _live: Any = None
    _shared: Optional[tuple[Runner, Oracle]] = None
    _caches: Optional[list] = None

    def viable(self, mutant: Mutant) -> bool:
        return self._swap(mutant) is not None or self._env(mutant.id) is not None

    def _swap(self, mutant: Mutant) -> Optional[list]:
        """(function, mutated code) pairs for a function-body mutant, or None."""
        if mutant.id not in self._swaps:
            self._swaps[mutant.id] = None
            if self.module is not None:
                if self._live is None:
                    self._live = LiveModule(self.module, mutant.parsed, lambda _: False).prepare()
                    self._caches = [f for f in _cache_clearers(self.module)]
                self._swaps[mutant.id] = self._live.code_changes(mutant.point)
        return self._swaps[mutant.id]

    def _env(self, mutant_id: int) -> Optional[tuple[Runner, Oracle]]:
        if mutant_id not in self._envs:
            module = instantiate(self.mutants[mutant_id], self.module_name, self.filename)
            self._envs[mutant_id] = self._environment(module) if module is not None else None
        return self._envs[mutant_id]

    def _environment(self, module: Any) -> tuple[Runner, Oracle]:
        namespace = test_namespace(module)
        extra = getattr(self.support, "names", {})
        namespace.update({k: v for k, v in extra.items() if k not in namespace})
        # The mutant's code objects carry the target's file name, so the tracer counts its lines too:
        # a mutant that loops is stopped after the same number of lines on every run.
        runner = Runner(module, self.filename, namespace, self.alarm, self.max_events,
                        getattr(self.support, "refresh", None))
        return runner, Oracle(module, namespace, runner.evaluate, runner.fresh_instance, self.instance_var,
                              runner.guarded, self.support.unstable_texts() if self.support else (), runner.blame)

    @contextmanager
    def _running(self, mutant_id: int) -> Iterator[Optional[tuple[Runner, Oracle]]]:
        swaps = self._swap(self.mutants[mutant_id])
        if swaps is None:
            yield self._env(mutant_id)
            return
        if self._shared is None:
            self._shared = self._environment(self.module)
        originals = [(function, function.__code__) for function, _ in swaps]
        self._clear_caches()  # results the original code cached are not the mutant's
        try:
            for function, code in swaps:
                function.__code__ = code
            yield self._shared
        finally:
            for function, code in originals:
                function.__code__ = code
            self._clear_caches()

    def _clear_caches(self) -> None:
        for clear in self._caches or ():
            try:
                clear()
            except Exception:  # noqa: BLE001 - a cache that cannot be cleared just stays
                pass

    def kills(self, mutant_id: int, call: Call, expected: Observation) -> int:
        """0 when the call cannot tell the mutant apart, 1 when its assertions fail, HANG when it hangs."""
        with self._running(mutant_id) as env:
            if env is None:
                return 0
            runner, oracle = env
            outcome = runner.perform(call)
            if outcome.status == "timeout":
                return HANG
            if outcome.status != "returned" and outcome.status != "raised":
                return 1  # a broken setup fails the test too
            return int(differs(expected, oracle.observe_once(call, outcome)))


def _cache_clearers(module: Any) -> list[Callable[[], None]]:
    """`cache_clear` of the module's functools caches (module functions and class members)."""
    owners = [module] + [v for v in vars(module).values() if isinstance(v, type)
                         and getattr(v, "__module__", None) == module.__name__]
    found = []
    for owner in owners:
        for value in list(vars(owner).values()):
            if not callable(value) or isinstance(value, type):
                continue
            try:  # a lazy attribute (six's moved modules) imports on lookup, and may fail to
                clear = inspect.getattr_static(value, "cache_clear", None)
            except Exception:  # noqa: BLE001 - an object that cannot be looked into has no cache to clear
                continue
            if callable(clear):
                found.append(getattr(value, "cache_clear"))
    return found


def screen_mutants(candidates: list[Candidate], lab: MutantLab, source: str, rng: random.Random, limit: int,
                   max_runs: int, prefer: set[int], deadline: float, skip_lines: set[int] = frozenset(),
                   skips: Optional[Skips] = None, survivors: AbstractSet[tuple[int, str]] = frozenset()) -> None:
    """Fills each candidate's `kills`. Mutants on `skip_lines` are not screened (an existing suite runs those
    lines and may well kill them already; only the critique's surviving mutants there are worth chasing: when
    it names them, `survivors` as (line, mutated text), only those)."""
    by_line: dict[int, list[int]] = {}
    for index, candidate in enumerate(candidates):
        for line in {line for arc in candidate.found.arcs for line in arc if line > 0}:
            by_line.setdefault(line, []).append(index)
    # Mutant line → the calls that reach it, through the statement's first line or a name's readers.
    reaches = {line: sorted({i for x in through for i in by_line.get(x, ())}) for line, through in lab.reach.items()}
    reaches = {line: callers for line, callers in reaches.items() if callers}
    lines = {line for line in reaches if line not in skip_lines or line in prefer}

    def wanted(point: Any) -> bool:
        return point.line not in skip_lines or not survivors or (point.line, point.mutated.strip()) in survivors

    mutants, _ = generate(source, lab.filename, lines, limit, rng, prefer, wanted)
    lab.mutants = {m.id: m for m in mutants}
    skips = skips if skips is not None else Skips()

    def kills(mutant: Mutant, index: int) -> int:
        candidate = candidates[index]
        label = candidate.found.call.target.label
        if label in skips:
            return 0
        return skips.attempt(label, "mutant screen", lab.kills, mutant.id, candidate.found.call,
                             candidate.observation, default=0) or 0

    killed = screen(mutants, lab.viable, reaches, kills, max_runs, deadline)
    for index, mutant_ids in killed.items():
        candidates[index].kills = mutant_ids


def choose(candidates: list[Candidate], already: set[Arc]) -> list[Candidate]:
    """Greedy cover: the fewest candidates that together reach every arc and kill every screened mutant."""
    features = {i: {("arc", a) for a in c.found.arcs - already} | {("mutant", m) for m in c.kills}
                for i, c in enumerate(candidates)}
    covered: set = set()
    chosen: list[int] = []
    while True:
        best = max(features, key=lambda i: (len(features[i] - covered), -i), default=None)
        if best is None or not features[best] - covered:
            break
        chosen.append(best)
        covered |= features.pop(best)
    return [candidates[i] for i in sorted(_without_redundant(chosen, candidates, already))]


def _without_redundant(chosen: list[int], candidates: list[Candidate], already: set[Arc]) -> list[int]:
    """Drops, latest pick first, each test whose arcs and kills the other tests of the same target all have
    too: a near-duplicate (same call, other values) that covers nothing new once later picks are in. A test
    of another target is no duplicate: the screen samples mutants and caps their killers, so a test whose
    known kills others share may still be the only one that kills mutants the screen never ran (a whole page
    rendered and asserted, where the others only reach its lines)."""
    features = {i: {("arc", a) for a in candidates[i].found.arcs - already}
                | {("mutant", m) for m in candidates[i].kills} for i in chosen}
    label = {i: _label(candidates[i]) for i in chosen}
    kept = list(chosen)
    for index in reversed(chosen):
        others = set().union(*(features[j] for j in kept if j != index and label[j] == label[index]))
        if features[index] <= others:
            kept.remove(index)
    return kept


def _label(candidate: Candidate) -> str:
    call = getattr(candidate.found, "call", None)
    return call.target.label if call is not None else ""


@dataclass
class Simplifier:
    runner: Runner
    oracle: Oracle
    lab: MutantLab
    translate: Callable[[frozenset[Arc]], frozenset[Arc]]
    max_runs: int
    deadline: float
    skips: Skips = field(default_factory=Skips)
    runs: int = 0

    def simplify(self, chosen: list[Candidate], already: set[Arc]) -> list[Candidate]:
        for index in range(len(chosen)):
            label = chosen[index].found.call.target.label
            if label not in self.skips and not self.skips.attempt(label, "simplify", self._simplify_one, chosen,
                                                                  index, already, default=True):
                break  # out of runs or time
        return chosen

    def _simplify_one(self, chosen: list[Candidate], index: int, already: set[Arc]) -> bool:
        """Simplifies chosen[index] in place; False when the budget ran out."""
        others = [c for j, c in enumerate(chosen) if j != index]
        arcs = set(already).union(*(c.found.arcs for c in others))
        kills = set().union(*(c.kills for c in others))
        current = chosen[index]
        need_arcs, need_kills = current.found.arcs - arcs, current.kills - kills
        for trial in self._trials(current.found.call):
            if self.runs >= self.max_runs or time.perf_counter() > self.deadline:
                chosen[index] = current
                return False
            better = self._keeps(current, trial, need_arcs, need_kills)
            if better is not None:
                current = better
        chosen[index] = current
        return True

    def _trials(self, call: Call):
        """Simpler variants, tried in turn against the call as it stands after earlier successes."""
        if call.prep:
            yield lambda c: replace(c, prep=())
            for index in range(len(call.prep) - 1, -1, -1):  # one step at a time, from the last
                yield lambda c, i=index: replace(c, prep=c.prep[:i] + c.prep[i + 1:]) if i < len(c.prep) else None
        for side, param in sides(call.target):
            if param.has_default and param.name in dict(getattr(call, side)):
                yield lambda c, s=side, p=param: with_value(c, s, p, None)
        for side, param in sides(call.target):
            for cut in CUTS:
                yield lambda c, s=side, p=param, cut=cut: self._shorter(c, s, p, cut)

    def _shorter(self, call: Call, side: str, param: Any, cut: tuple[float, float]) -> Optional[Call]:
        """The text with the slice [start, end) (fractions of its length) taken out."""
        source = dict(getattr(call, side)).get(param.name)
        if not source or not source[:1] in "'\"":
            return None
        text = self.runner.evaluate(source)
        if not isinstance(text, str) or len(text) < 12:
            return None
        start, end = int(len(text) * cut[0]), int(len(text) * cut[1])
        return with_value(call, side, param, repr(text[:start] + text[end:]))

    def _keeps(self, current: Candidate, trial_of, need_arcs: set, need_kills: set) -> Optional[Candidate]:
        call = trial_of(current.found.call)
        if call is None or call == current.found.call:
            return None
        self.runs += 1
        outcome = self.runner.perform(call)
        arcs = self.translate(outcome.arcs)
        if outcome.status != current.found.outcome.status or not need_arcs <= arcs:
            return None
        observed = observe(self.runner, self.oracle, call)
        if observed is None or not all(self.lab.kills(m, call, observed[0]) for m in need_kills):
            return None
        found = replace(current.found, call=call, outcome=outcome, arcs=arcs)
        return Candidate(found, observed[0], observed[1], set(need_kills))
