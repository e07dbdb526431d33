"""Mutation score, sampling and its uncertainty.

Score = (killed + timeout) / (killed + timeout + survived + no-coverage): a mutant no test
reaches is a mutant the suite misses, as mutmut counts it. Mutants that do not compile say
nothing about the suite and are left out. The score is always a number (the .NET contract has a
plain double): 100 for a module without mutants, 0 when mutants exist but none could be judged
(the reply's ``error`` says why).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, TypeVar

from .model import ERROR, KILLED, NO_COVERAGE, SURVIVED, TIMEOUT

T = TypeVar("T")
Z95 = 1.959963984540054


def sample(items: Sequence[T], max_items: Optional[int], seed: int) -> tuple[list[T], bool]:
    """A deterministic (per seed) sample, kept in source order; also whether it is a sample."""
    if max_items is None or max_items >= len(items):
        return list(items), False
    chosen = sorted(random.Random(seed).sample(range(len(items)), max_items))
    return [items[i] for i in chosen], True


def wilson_half_width(successes: int, trials: int, z: float = Z95) -> float:
    """Half the width of the Wilson score interval, in percentage points."""
    if trials <= 0:
        return 100.0
    p = successes / trials
    denominator = 1 + z * z / trials
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return 100.0 * spread / denominator


@dataclass(frozen=True)
class Score:
    total: int
    killed: int
    survived: int
    timeout: int
    no_coverage: int
    errors: int
    score: float
    uncertainty: Optional[float]

    def to_dict(self) -> dict:
        return {
            "total": self.total, "killed": self.killed, "survived": self.survived,
            "timeout": self.timeout, "no_coverage": self.no_coverage, "errors": self.errors,
            "score": round(self.score, 2),
            "uncertainty": None if self.uncertainty is None else round(self.uncertainty, 2),
        }


def score(statuses: Iterable[str], sampled: bool) -> Score:
    counts = Counter(statuses)
    detected = counts[KILLED] + counts[TIMEOUT]
    judged = detected + counts[SURVIVED] + counts[NO_COVERAGE]
    if judged:
        value = 100.0 * detected / judged
    else:
        value = 0.0 if counts else 100.0
    uncertainty = wilson_half_width(detected, judged) if sampled and judged else None
    return Score(
        total=sum(counts.values()), killed=counts[KILLED], survived=counts[SURVIVED],
        timeout=counts[TIMEOUT], no_coverage=counts[NO_COVERAGE], errors=counts[ERROR],
        score=value, uncertainty=uncertainty,
    )
