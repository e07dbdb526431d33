"""Mutant-directed search: for each screened mutant no candidate kills, mutate the calls that reach its line
until one behaves differently on the mutant, and keep that call as a new candidate."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from ..calls.runner import Call, Runner
from .oracle import Oracle
from ..calls.search import Found, Search
from .choice import Candidate, MutantLab, observe
from ..calls.trace import Arc

TRIALS_PER_MUTANT = 120


@dataclass
class Hunt:
    search: Search  # for its mutation operator, its random stream and the calls it already tried
    runner: Runner
    oracle: Oracle
    lab: MutantLab
    translate: Callable[[frozenset[Arc]], frozenset[Arc]]
    max_runs: int
    deadline: float
    rounds: int = 1
    runs: int = 0

    def run(self, candidates: list[Candidate]) -> list[Candidate]:
        """New candidates, each killing at least one mutant the given ones leave alive. With `rounds` > 1 (an
        enhance attempt, whose point is the survivors) the mutants still alive get more trials each round,
        as long as the budget lasts."""
        killed = set().union(*(c.kills for c in candidates))
        added: list[Candidate] = []
        for round_ in range(self.rounds):
            trials = TRIALS_PER_MUTANT * 4 ** round_
            for mutant_id in sorted(self.lab.mutants):
                if self._spent():
                    return added  # building each mutant's module costs an import: none past the deadline
                if mutant_id not in killed:
                    self._chase(mutant_id, candidates, added, killed, trials)
        return added

    def _chase(self, mutant_id: int, candidates: list[Candidate], added: list[Candidate], killed: set[int],
               trials: int) -> None:
        if not self.lab.viable(self.lab.mutants[mutant_id]):
            return
        parents = [c.found.call for c in candidates + added if self._reaches(c, mutant_id)
                   and (c.found.call.target.params or c.found.call.target.ctor)]
        if parents:
            found = self._hunt(mutant_id, parents, len(candidates) + len(added), trials)
            if found is not None:
                found.kills |= {m for m in self.lab.mutants if m not in killed and m != mutant_id
                                and self._reaches(found, m) and self.lab.kills(m, found.found.call, found.observation)}
                killed |= found.kills
                added.append(found)

    def _spent(self) -> bool:
        return self.runs >= self.max_runs or time.perf_counter() > self.deadline

    def _reaches(self, candidate: Candidate, mutant_id: int) -> bool:
        through = self.lab.reach.get(self.lab.mutants[mutant_id].line, frozenset())
        return any(line in through for arc in candidate.found.arcs for line in arc)

    def _hunt(self, mutant_id: int, parents: list[Call], order: int, trials: int = TRIALS_PER_MUTANT
              ) -> Candidate | None:
        for _ in range(trials):
            if self._spent():
                return None
            child = self.search.mutant(self.search.rng.choice(parents))
            if child is None or child in self.search.tried:
                continue
            self.search.tried.add(child)
            self.runs += 1
            outcome = self.runner.perform(child)
            if outcome.status not in ("returned", "raised"):
                continue
            quick = self.oracle.observe(child, [outcome])
            if quick is None or not self.lab.kills(mutant_id, child, quick):
                continue
            observed = observe(self.runner, self.oracle, child)  # confirm with stable assertions only
            if observed is None or not self.lab.kills(mutant_id, child, observed[0]):
                continue
            found = Found(child, outcome, self.translate(outcome.arcs), 2_000_000 + order)
            return Candidate(found, observed[0], observed[1], {mutant_id})
        return None
