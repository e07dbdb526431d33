"""The shuffled test order behind ``execute``'s ``shuffle_seed``: the runner's flaky check.

A test that passes in the written order but fails in another depends on state an earlier test
left behind. pytest has no random-order plugin in the sandbox, so this small plugin reorders the
collected items itself, deterministically for a seed, so a flaky verdict can be replayed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest


@dataclass(eq=False)  # pluggy keeps plugins in a dict: they must stay hashable
class ShuffledOrder:
    seed: int

    @pytest.hookimpl(trylast=True)  # after any plugin that deselects or reorders
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        items[:] = shuffled(items, self.seed)


def shuffled(items: list, seed: int) -> list:
    """A seeded permutation that differs from the given order whenever two or more items exist.

    With few tests a random permutation is often the identity (one in two for two tests), which
    would spend a rerun to learn nothing; rotating by one then still gives a new order.
    """
    order = list(items)
    random.Random(seed).shuffle(order)
    if len(order) > 1 and all(a is b for a, b in zip(order, items)):
        order = order[1:] + order[:1]
    return order
