"""`union` and `minimise`: the final suite of a run from the suites of all its attempts.

`union` takes every attempt's suite (the best first) and merges into the best one each test the others add:
a test with a name the best suite lacks, or the same name and other code (renamed, as `merge` does). Each
test is credited to the first attempt whose suite holds it as written.

`minimise` keeps, of a suite that ran with one coverage context per test, greedily the tests that reach arcs
the kept ones do not (ties go to the earlier test), and with `killed_by` also every test the mutation run
credited with a kill; the rest are deleted from the text. The caller runs the result to see that it holds.
Tests it knows nothing about (not run, not passed) are kept. Both work on text and data alone: nothing is
imported or run here.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from .errors import HarnessError
from .merge import Definition, is_test, merge, parse

_PARAMS = re.compile(r"\[.*\]$")


def run(request: dict) -> dict:
    return union(request.get("suites"))


def _units(tree: ast.Module) -> dict[str, Definition]:
    return {node.name: node for node in tree.body if is_test(node)}


def union(suites: Any) -> dict:
    if not isinstance(suites, list) or not suites or not all(
            isinstance(s, dict) and isinstance(s.get("source"), str) and isinstance(s.get("attempt"), int)
            for s in suites):
        raise HarnessError("suites must be a non-empty list of {attempt, source}, the best suite first")
    parsed = [(s["attempt"], s["source"], parse(s["source"], f"the suite of attempt {s['attempt']}")) for s in suites]
    # The first attempt (by number) whose suite holds a test exactly as written wrote it.
    first_seen: dict[str, int] = {}
    for attempt, _, tree in sorted(parsed, key=lambda p: p[0]):
        for node in _units(tree).values():
            first_seen.setdefault(ast.dump(node), attempt)

    _, source, tree = parsed[0]
    origins = {name: first_seen[ast.dump(node)] for name, node in _units(tree).items()}
    for attempt, addition, addition_tree in parsed[1:]:
        present = {ast.dump(node) for node in _units(tree).values()}
        chosen = [name for name, node in _units(addition_tree).items() if ast.dump(node) not in present]
        if not chosen:
            continue
        source, renamed, _ = merge(source, tree, addition, addition_tree, chosen, suffix=f"attempt{attempt}")
        tree = parse(source, "the merged suite")
        for name in chosen:
            origins[renamed.get(name, name)] = first_seen[ast.dump(_units(addition_tree)[name])]
    return {"source": source, "origins": origins, "tests": len(origins)}


def _unit_of(test_id: str) -> str:
    """`tests/test_x.py::TestCart::test_total[1]` → `TestCart`; `tests/test_x.py::test_f` → `test_f`."""
    parts = test_id.split("::")
    return _PARAMS.sub("", parts[1] if len(parts) > 1 else parts[0])


def minimise(request: dict) -> dict:
    source, arcs, killers, passed = (request.get("source"), request.get("test_arcs"), request.get("killed_by"),
                                     request.get("passed"))
    if not isinstance(source, str) or not isinstance(arcs, dict) or not isinstance(killers, list) \
            or not isinstance(passed, list):
        raise HarnessError("source, test_arcs (test id → arcs), killed_by (test ids) and passed (test ids) are "
                           "required")
    tree = parse(source, "the suite")
    units = _units(tree)
    reach: dict[str, set[tuple[int, int]]] = {name: set() for name in units}
    known: dict[str, bool] = {}
    passing = set(passed)
    for test_id, test_arcs in arcs.items():
        unit = _unit_of(str(test_id))
        if unit in reach:
            reach[unit] |= {(int(a), int(b)) for a, b in test_arcs}
            known[unit] = known.get(unit, True) and test_id in passing
    removable = [name for name in units if known.get(name, False)]
    kept = {name for name in units if name not in removable}
    kept |= {_unit_of(str(k)) for k in killers if _unit_of(str(k)) in units}  # empty: arcs alone decide
    covered = set().union(*(reach[name] for name in kept)) if kept else set()
    order = {name: index for index, name in enumerate(units)}
    while True:
        gains = [(len(reach[name] - covered), -order[name], name) for name in removable if name not in kept]
        best = max(gains, default=None)
        if best is None or best[0] == 0:
            break
        kept.add(best[2])
        covered |= reach[best[2]]
    dropped = [name for name in units if name not in kept]
    return {"source": _without(source, [units[name] for name in dropped]) if dropped else source,
            "kept": [name for name in units if name in kept], "dropped": dropped}


def _without(source: str, nodes: list[Definition]) -> str:
    """The text with these top-level definitions (and their decorators) cut out, blank runs kept at two."""
    lines = source.splitlines(keepends=True)
    cut: set[int] = set()
    for node in nodes:
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        cut.update(range(first - 1, node.end_lineno or node.lineno))
    kept = [line for index, line in enumerate(lines) if index not in cut]
    text = re.sub(r"\n{4,}", "\n\n\n", "".join(kept))
    parse(text, "the minimised suite")
    return text
