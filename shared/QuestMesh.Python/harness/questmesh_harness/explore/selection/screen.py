"""A quick in-process mutant screen for choosing tests: which kept calls notice which small changes.

This is not the `mutate` command (that one scores a finished suite in forked children), but its mutants are
`mutate`'s own: each one on a line the search reached is compiled from the changed syntax tree and run in a
module object of its own, and every
kept call that reaches the mutant's line is run against it; a call kills the mutant when the assertions
it would get differ. The explore search then keeps calls that kill mutants nothing else kills.
"""

from __future__ import annotations

import ast
import os
import random
import time
import types
from dataclasses import dataclass
from typing import AbstractSet, Callable, Optional

from ...mutate.mutants import ParsedModule, generate_mutants, parse_module
from ...mutate.model import Mutant as SourceMutant

HANG = 2  # what a `kills` callback returns when the mutant made the call overrun its time limit
MAX_CALLERS = 16  # calls run against one mutant; the first ones found come first in the spread


@dataclass(eq=False)
class Mutant:
    id: int
    line: int
    original: str
    mutated: str
    point: SourceMutant  # the change in the module's tree, compiled only when the mutant is screened
    parsed: ParsedModule
    filename: str
    _code: Optional[types.CodeType] = None
    _compiled: bool = False

    @property
    def code(self) -> Optional[types.CodeType]:
        """The whole mutated module, compiled on first use (None when it does not compile)."""
        if not self._compiled:
            self._code, self._compiled = _compile_with(self.parsed.tree, self.point, self.filename), True
        return self._code


def generate(source: str, filename: str, lines: set[int], limit: int, rng: random.Random,
             prefer: AbstractSet[int] = frozenset(),
             wanted: Optional[Callable[[SourceMutant], bool]] = None) -> tuple[list[Mutant], ParsedModule]:
    """Mutants on the given lines (the ones the search reached), at most `limit`, lines in `prefer` first,
    only those `wanted` says (an enhance attempt: not the ones the suite already kills). They are `mutate`'s
    own mutants (same operators, same places left alone), so the search chooses tests against the changes
    that later score the suite."""
    parsed = parse_module(source, filename)
    points = [m for m in generate_mutants(parsed) if m.line in lines and (wanted is None or wanted(m))]
    preferred = [m for m in points if m.line in prefer]
    others = [m for m in points if m.line not in prefer]
    if len(preferred) + len(others) > limit:
        others = rng.sample(others, max(0, limit - len(preferred)))
        others.sort(key=lambda m: m.id)
    mutants = [Mutant(number, point.line, point.original, point.mutated, point, parsed, filename)
               for number, point in enumerate((preferred + others)[:limit])]
    return mutants, parsed


def _compile_with(tree: ast.Module, point: SourceMutant, filename: str) -> Optional[types.CodeType]:
    # Change the one node in place, compile, and put it back: cheaper than copying the tree per mutant.
    with point.applied():
        try:
            return compile(tree, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, TypeError):
            return None


def instantiate(mutant: Mutant, name: str, filename: str) -> Optional[types.ModuleType]:
    if mutant.code is None:
        return None
    module = types.ModuleType(name)
    module.__file__ = filename
    # Relative imports (`from .keys import hashkey`) resolve through the package: without it every mutant of
    # a package module fails to import and none is screened.
    is_package = os.path.basename(filename) == "__init__.py"
    module.__package__ = name if is_package else name.rpartition(".")[0]
    if is_package:
        module.__path__ = [os.path.dirname(filename)]
    try:
        exec(mutant.code, module.__dict__)  # noqa: S102 - the target's own code, changed in one place
    except BaseException:  # noqa: BLE001 - a mutant whose import fails is simply not screened
        return None
    return module


def reach_map(source: str, first_lines: dict[int, int]) -> dict[int, frozenset[int]]:
    """Mutant line → the traced lines a call must run to reach it. A line inside a statement that spans lines
    is reached through the statement's first line (calls in a multi-line tuple or call); a module-level
    line (a table, a constant) runs at import, so it is reached through the lines that read its names."""
    tree = ast.parse(source)
    bound: dict[int, set[str]] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                bound[line] = names
    readers: dict[str, set[int]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load) and inner.lineno > node.lineno:
                    readers.setdefault(inner.id, set()).add(first_lines.get(inner.lineno, inner.lineno))
    found: dict[int, frozenset[int]] = {}
    for line in range(1, source.count("\n") + 2):
        if line in bound:
            found[line] = frozenset(x for name in bound[line] for x in readers.get(name, ()))
        else:
            found[line] = frozenset({first_lines.get(line, line)})
    return found


def screen(mutants: list[Mutant], viable: Callable[[Mutant], bool],
           reaches: dict[int, list[int]], kills: Callable[[Mutant, int], int],
           max_runs: int, deadline: float, killers_per_mutant: int = 3) -> dict[int, set[int]]:
    """call index → ids of the mutants it kills. `reaches` maps a line to the calls that run it; a few
    killers per mutant are enough to choose from, so the screen moves on after those."""
    killed: dict[int, set[int]] = {}
    runs = 0
    for mutant in mutants:
        callers = reaches.get(mutant.line, [])  # `reaches` is keyed by mutant line (see reach_map)
        if len(callers) > MAX_CALLERS:  # a line every call runs: a spread of them, not hundreds per mutant
            callers = callers[::-(-len(callers) // MAX_CALLERS)][:MAX_CALLERS]
        if not callers or runs >= max_runs or time.perf_counter() > deadline:
            continue
        if not viable(mutant):
            continue
        found = 0
        for index in callers:
            runs += 1
            verdict = kills(mutant, index)
            if verdict:
                killed.setdefault(index, set()).add(mutant.id)
                found += 1
                # A hang costs a whole time limit per call; one caller that shows it is enough.
                if found >= killers_per_mutant or verdict == HANG or time.perf_counter() > deadline:
                    break
    return killed
