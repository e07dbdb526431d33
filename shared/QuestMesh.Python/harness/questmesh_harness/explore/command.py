"""`explore`: the offline `search` strategy. Imports the target, searches for calls that reach new arcs,
turns what they did into assertions, and writes a pytest (or unittest) module that passes.

Deterministic for a seed: every random choice comes from one `random.Random(seed)`, and the search stops
on a call count and a patience count, not on the clock (the clock is only a safety stop, reported as
`budget_exhausted` when it cuts the search short).
"""

from __future__ import annotations

import ast
import random
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .. import analyze, static
from ..source import read_python_text
from .calls.runner import Runner
from .inputs.hints import collect
from .inputs.doctests import examples
from .selection.hunt import Hunt
from .inputs.makers import for_owner, harvest, with_made_arguments
from .selection.screen import reach_map
from .writing.document import Document, assemble, merge
from .writing.names import instance_var, test_name, unique
from .selection.contracts import Contracts
from .selection.oracle import Oracle
from .calls.search import Focus, Limits, Search
from .selection.choice import Candidate, MutantLab, Simplifier, choose, confirm, observe, screen_mutants
from .calls.session import ArcMap, load, sandbox, test_namespace
from .skips import Skips
from .inputs.support import django_configure, import_line, prepare
from .calls.targets import discover, members
from .calls.trace import Alarm
from .writing.verification import ELSEWHERE, detect_style, existing_arcs, run_tests
from .calls.web import flask_views, route_targets
from .writing.cases import Case, render_test
from ..errors import HarnessError
from ..project import resolve_target

CALLS_PER_SECOND = 600  # the call cap per budget second; a typical target runs well over this rate
PATIENCE_PER_SECOND = 250
# Calls without a new arc the search always allows: a cheap module (a pattern translator) finds arcs only now and
# then, and its calls cost so little that a few thousand more take a second or two.
MIN_PATIENCE_PER_SECOND = 100
# The search's budget in work (line events in the target plus a fixed cost per call), not time, so that a
# seed gives the same module on a busy machine: about a quarter of the budget on an idle one.
WORK_PER_SECOND = 400_000
MAX_TESTS = 120
MAX_MUTANTS = 600
MUTANT_CALL_SECONDS = 1.0
MAX_CALL_EVENTS = 200_000  # lines of the target one call may run (a unit test should not run more)
MAX_MUTANT_EVENTS = 50_000
MUTANT_RUNS_PER_SECOND = 400
SIMPLIFY_RUNS_PER_SECOND = 50
HUNT_RUNS_PER_SECOND = 400
VERIFY_ROUNDS = 3
# How the budget is shared, as the point (a share of it) by which each stage must end: the search, observing
# its reserve, the mutant screen, the mutant hunt, simplifying; verification takes the rest. A stage that runs
# out of work ends sooner and leaves its time to the next ones.
SEARCH_SHARE = 0.5
OBSERVE_SHARE = 0.55
SCREEN_SHARE = 0.72
HUNT_SHARE = 0.84
SIMPLIFY_SHARE = 0.88


@dataclass
class Request:
    project_dir: Path
    target: Path
    relative: str
    seed: int
    budget: float
    style: str
    test_file: str
    existing: Optional[str]
    focus: dict

    @classmethod
    def parse(cls, request: dict) -> "Request":
        project_dir, target = resolve_target(request)
        relative = target.relative_to(project_dir).as_posix()
        style = request.get("style") or "auto"
        if style not in ("auto", "pytest", "unittest"):
            raise HarnessError("style must be auto, pytest or unittest")
        try:
            seed, budget = int(request.get("seed", 42)), float(request.get("budget_seconds") or 20)
        except (TypeError, ValueError) as error:
            raise HarnessError(f"seed and budget_seconds must be numbers: {error}") from error
        existing = request.get("existing_tests")
        existing = existing if isinstance(existing, str) and existing.strip() else None
        test_file = request.get("test_file") or f"tests/test_questmesh_{Path(relative).stem}.py"
        return cls(project_dir, target, relative, seed, max(budget, 1.0), style, test_file, existing,
                   request.get("focus") or {})


def run(request: dict) -> dict:
    started = time.perf_counter()
    req = Request.parse(request)
    context = analyze.run(request)
    style = req.style if req.style != "auto" else detect_style(req.project_dir, req.existing)
    if req.existing is not None:
        try:
            ast.parse(req.existing)
        except SyntaxError as error:
            raise HarnessError(f"existing_tests does not parse: line {error.lineno}: {error.msg}") from error
    reply: dict[str, Any] = {"test_source": req.existing or "", "tests": 0, "new_tests": 0, "calls": 0,
                             "arcs_covered": 0, "arcs_total": 0, "style": style, "seed": req.seed, "context": context,
                             "verified": False, "dropped_tests": [], "budget_exhausted": False, "import_error": None,
                             "skipped": [], "possible_bugs": []}
    if context["syntax_error"]:
        reply["import_error"] = f"syntax error at line {context['syntax_error']['line']}"
        return reply
    source = read_python_text(req.target)
    already: set = set()
    if req.existing is not None:
        # A slow suite is not worth most of the budget: unmeasured, its arcs just count as not covered.
        measured = existing_arcs(req.project_dir, req.test_file, req.existing, req.target,
                                 max(5.0, req.budget * 0.3))
        already = set(measured or ())
    framework = context["framework"]
    with sandbox(req.project_dir):
        try:
            if framework == "django":
                django_configure()  # what the written module's setup does, before the target's import
            module, import_arcs = load(context["module"], req.target)
        except BaseException as error:  # noqa: BLE001 - the target's import may raise anything, even SystemExit
            reply["import_error"] = "".join(traceback.format_exception_only(type(error), error)).strip()
            return reply
        skips = Skips()
        cases, search, covered, arc_map, taken, imports, bugs = _search(
            req, module, source, import_arcs | already, started, framework, skips, style)
        search_ended = time.perf_counter()
    document = Document(context["module"], req.relative, req.seed, req.budget, style, cases, framework, imports)
    test_source, kept, dropped, verified = _write_verified(req, document, taken, started)
    if not kept and req.existing is None:
        test_source = ""  # no module rather than one without tests
    reply.update({
        "test_source": test_source, "tests": static.count_tests(ast.parse(test_source)), "new_tests": len(kept),
        "calls": search.calls, "arcs_covered": arc_map.covered(covered), "arcs_total": len(arc_map.possible),
        "verified": verified, "dropped_tests": dropped, "skipped": skips.entries, "possible_bugs": bugs,
        # The search stops on counts; the clock only cuts it short on a slow machine or target, and then
        # the same seed may not give the same module.
        "budget_exhausted": search.stopped_by_deadline or search_ended > started + req.budget * SIMPLIFY_SHARE,
    })
    return reply


def _search(req: Request, module: Any, source: str, precovered: set, started: float, framework: str, skips: Skips,
            style: str):
    tree = ast.parse(source)
    hints = collect(tree)
    hints.framework = framework
    hints.classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef) and not node.name.startswith("_")
                     and isinstance(getattr(module, node.name, None), type)]
    views = skips.attempt("<flask views>", "discover", flask_views, module, default=set()) or set()
    found = discover(module, tree, hints, skips=skips) or discover(module, tree, hints, private=True, skips=skips)
    routes = skips.attempt("<routes>", "discover", route_targets, module, default=[]) or []
    targets = routes + [t for t in found if not (t.kind == "function" and t.name in views)]
    namespace = test_namespace(module)
    support = prepare(framework, namespace, str(req.project_dir), module.__name__)
    try:
        return _search_with(req, module, source, precovered, started, tree, hints, targets, namespace, support,
                            skips, style)
    finally:
        support.close()


def _search_with(req, module, source, precovered, started, tree, hints, targets, namespace, support, skips, style):
    # How the written module gets each name a value source may use: the target's own, or an import line.
    imports = {name: import_line(name, value) or f"from {module.__name__} import {name}"
               for name, value in namespace.items() if name != "__builtins__"}
    arc_map = ArcMap.of(source, str(req.target))
    # The wall clock only backs up the line-event limits, for code the tracer does not see (C, other files).
    per_call = min(2.0, max(1.0, req.budget / 20))  # a unit test's call that needs more is no unit test
    limits = Limits(max_calls=int(req.budget * CALLS_PER_SECOND), max_work=int(req.budget * WORK_PER_SECOND),
                    patience=int(max(1000, req.budget * PATIENCE_PER_SECOND)),
                    min_patience=int(max(1000, req.budget * MIN_PATIENCE_PER_SECOND)),
                    deadline=started + req.budget * SEARCH_SHARE)
    taken = set(namespace) | {module.__name__.split(".")[0]}
    focus = _focus(req.focus, arc_map)
    with Alarm(per_call) as alarm:
        runner = Runner(module, module.__file__, namespace, alarm, MAX_CALL_EVENTS, support.refresh)
        already = set(arc_map.translate(precovered))
        # The docstring examples first: an example that does not hold marks its call as a possible bug before
        # the search could pin what it does.
        contracts = Contracts(module, runner.blame)
        skips.attempt("<docstring examples>", "call", contracts.check_examples, alarm.limit)
        made = skips.attempt("<factories>", "construct", harvest, module, runner.evaluate, runner.guarded,
                             [repr(s) for s in hints.strings[:6]], default={}) or {}
        targets = [with_made_arguments(t, made) for t in targets]
        # A base class's methods on its subclasses' instances wait until the base's own instances got nowhere.
        deferred, targets = [t for t in targets if t.inherits], [t for t in targets if not t.inherits]
        owners = {t.owner for t in targets if t.owner and t.needs_instance}
        classes = {value: name for name, value in vars(module).items()
                   if isinstance(value, type) and value.__module__ == module.__name__}
        search = Search(runner, targets, arc_map.translate, random.Random(req.seed), limits, hints.strings,
                        focus=focus, covered=set(already),
                        made={owner: for_owner(module, owner, made) for owner in owners}, examples=examples(tree),
                        skips=skips, classes=classes, deferred=deferred, fallbacks=_fallbacks(targets, hints, module),
                        members=lambda name: members(module, tree, hints, name, skips), contracts=contracts)
        found = search.run()
        instance = lambda call: instance_var(call.target.owner or "obj", taken)  # noqa: E731 - shared naming rule
        oracle = Oracle(module, namespace, runner.evaluate, runner.fresh_instance, instance, runner.guarded,
                        support.unstable_texts(), runner.blame, contracts)
        candidates = _observed(search.kept(found), search.kept(search.reserve), runner, oracle, skips,
                               started + req.budget * OBSERVE_SHARE)
        # Mutants get a shorter leash: a mutant that loops should not eat the budget.
        lab = MutantLab(module.__name__, module.__file__, Alarm(MUTANT_CALL_SECONDS), instance, MAX_MUTANT_EVENTS,
                        support, reach_map(source, arc_map.first_lines), module=module)
        # A mutant's trouble is the screen's, not a target's: the candidates then just lack its kills.
        skips.attempt("<mutant screen>", "mutant screen", screen_mutants, candidates, lab, source,
                      random.Random(f"{req.seed}-mutants"), MAX_MUTANTS, int(req.budget * MUTANT_RUNS_PER_SECOND),
                      set(focus.lines), started + req.budget * SCREEN_SHARE,
                      {line for arc in precovered for line in arc if line > 0} if req.existing else set(), skips,
                      _survivors(req.focus))
        candidates = search.kept_candidates(candidates)
        candidates += skips.attempt("<mutant hunt>", "mutant screen", Hunt(
            search, runner, oracle, lab, arc_map.translate, int(req.budget * HUNT_RUNS_PER_SECOND),
            started + req.budget * HUNT_SHARE, rounds=3 if req.existing else 1).run, candidates, default=[]) or []
        chosen = confirm(choose(search.kept_candidates(candidates), already)[:MAX_TESTS], runner, oracle)
        chosen = Simplifier(runner, oracle, lab, arc_map.translate, int(req.budget * SIMPLIFY_RUNS_PER_SECOND),
                            started + req.budget * SIMPLIFY_SHARE, skips).simplify(chosen, already)
        cases = _cases(search.kept_candidates(chosen), search.targets, runner, taken, skips, style)
    return cases, search, set(search.covered), arc_map, taken, imports, contracts.bugs()


def _fallbacks(targets: list, hints: Any, module: Any) -> dict[str, tuple[str, ...]]:
    """Per target, the import-fallback names its code reads that the import did set (not None here): the test
    sets them to None to run the fallback code."""
    found: dict[str, tuple[str, ...]] = {}
    for target in targets:
        qualname = target.label if not target.inherits else target.inherits
        names = sorted(n for n in hints.fallback_reads.get(qualname, ()) if getattr(module, n, None) is not None)
        if names:
            found[target.label] = tuple(f"{module.__name__}.{name}" for name in names)
    return found


def _observed(found: list, reserve: list, runner: Runner, oracle: Oracle, skips: Skips,
              deadline: float) -> list[Candidate]:
    """Every kept call observed (each ran three times), then the reserve (calls that showed only a new result)
    while time is left, each run once (`confirm` runs the chosen ones again): the reserve only adds choice for
    the mutant screen, and a module with many targets holds hundreds of them."""
    candidates: list[Candidate] = []
    for index, f in enumerate(found + reserve):
        spare = index >= len(found)
        if spare and time.perf_counter() > deadline:
            break
        observed = skips.attempt(f.call.target.label, "observe", observe, runner, oracle, f.call, 1 if spare else 3)
        if observed:
            candidates.append(Candidate(f, *observed, confirmed=not spare))
    return candidates


def _survivors(focus: dict) -> frozenset[tuple[int, str]]:
    """The critique's surviving mutants as (line, mutated text): the ones an enhance attempt is to kill."""
    return frozenset((int(m["line"]), str(m["mutated"]).strip()) for m in focus.get("surviving_mutants") or []
                     if isinstance(m, dict) and str(m.get("line", "")).isdigit() and "mutated" in m)


def _focus(focus: dict, arc_map: ArcMap) -> Focus:
    lines = {int(line) for line in focus.get("missing_lines") or [] if str(line).lstrip("-").isdigit()}
    lines |= {int(m["line"]) for m in focus.get("surviving_mutants") or [] if isinstance(m, dict) and "line" in m}
    arcs = {(int(b["from"]), int(b["to"])) for b in focus.get("missing_branches") or []
            if isinstance(b, dict) and "from" in b and "to" in b}
    return Focus(frozenset(arc_map.first_lines.get(line, line) for line in lines), frozenset(arcs))


def _cases(chosen: list[Candidate], targets: list, runner: Runner, taken: set[str], skips: Skips,
           style: str) -> list[Case]:
    """Tests grouped by target in source order, each group in discovery order; each is rendered once here so
    that a case the writer cannot spell skips its target instead of failing the module."""
    cases: list[Case] = []
    names: set[str] = set()
    order = {target: index for index, target in enumerate(targets)}
    for candidate in sorted(chosen, key=lambda c: (order.get(c.found.call.target, 0), c.found.order)):
        call = candidate.found.call
        case = skips.attempt(call.target.label, "write", _case, candidate, runner, taken, names, style)
        if case is not None:
            cases.append(case)
    return skips.keep(cases, lambda case: case.call.target.label)


def _case(candidate: Candidate, runner: Runner, taken: set[str], names: set[str], style: str) -> Case:
    call = candidate.found.call
    name = test_name(call, candidate.observation, runner.evaluate, result=candidate.value)
    if name in names:  # the words do not tell it from another test: the values do
        name = test_name(call, candidate.observation, runner.evaluate, result=candidate.value, precise=True)
    case = Case(call, candidate.observation, name, instance_var(call.target.owner or "obj", taken))
    ast.parse(render_test(case, style, set(taken)).strip())  # a case that does not parse skips its target
    case.name = unique(name, names)
    return case


def _write_verified(req: Request, document: Document, taken: set[str], started: float):
    """Writes the module and runs it; failing new tests are dropped and the rest written again."""
    dropped: list[str] = []

    def build() -> tuple[str, list[Case]]:
        if req.existing is not None:
            return merge(req.existing, Document(**{**vars(document), "cases": list(document.cases)}), taken)
        return assemble(document, taken), list(document.cases)

    for _ in range(VERIFY_ROUNDS):
        source, kept = build()
        if not kept:
            return source, kept, dropped, False
        timeout = max(15.0, req.budget - (time.perf_counter() - started))
        verdict = run_tests(req.project_dir, req.test_file, source, timeout)
        if not verdict.ran:
            return source, kept, dropped, False
        if not verdict.failed:
            # Once more as another machine would run it: another hash seed, `python -O`, and (pytest, new
            # module) in reverse order, since a test that passes only after another one (shared state in the
            # target, a warm cache) fails there and a shuffled run would catch it later.
            reverse = req.existing is None and document.style == "pytest" and len(kept) > 1
            elsewhere = assemble(Document(**{**vars(document), "cases": list(reversed(document.cases))}), taken) \
                if reverse else source
            again = run_tests(req.project_dir, req.test_file, elsewhere, timeout, ELSEWHERE)
            verdict.failed |= again.failed if again.ran else set()
        failing = {name.rsplit(".", 1)[-1] for name in verdict.failed}
        bad = [case for case in kept if case.name in failing]
        if not bad:  # failures left belong to the existing suite: not ours to drop, but not green either
            return source, kept, dropped, not verdict.failed
        dropped += [case.name for case in bad]
        document.cases = [case for case in document.cases if case not in bad]
    source, kept = build()
    return source, kept, dropped, False
