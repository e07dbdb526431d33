"""execute with ``shuffle_seed``: the shuffled, replayable test order behind the runner's flaky
check, through the real JSON path (a harness subprocess)."""

from __future__ import annotations

from pathlib import Path

from _mutexec_support import run_harness, write_files
from questmesh_harness.execute.order import shuffled

TARGET = """
    def double(x):
        return 2 * x
"""


ORDER_DEPENDENT = """
    seen = []

    def test_first():
        seen.append(1)

    def test_needs_first():
        assert seen == [1]

    def test_alone():
        assert True
"""


def execute(root: Path, **extra) -> dict:
    request = {"project_dir": str(root), "target_file": "calc.py", "test_file": "tests/test_order.py",
               "timeout_seconds": 60, **extra}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    return reply


def names(reply: dict) -> list[str]:
    return [test["name"] for test in reply["tests"]]


def test_shuffle_seed_runs_the_tests_in_a_replayable_shuffled_order(tmp_path):
    root = write_files(tmp_path, {"calc.py": TARGET, "tests/test_order.py": ORDER_DEPENDENT})
    written = execute(root)
    assert written["status"] == "passed" and written["shuffle_seed"] is None
    assert names(written) == ["test_first", "test_needs_first", "test_alone"]

    orders = {}
    for seed in range(1, 6):
        reply = execute(root, shuffle_seed=seed)
        assert reply["shuffle_seed"] == seed
        order = names(reply)
        assert sorted(order) == ["test_alone", "test_first", "test_needs_first"]
        assert order != ["test_first", "test_needs_first", "test_alone"]
        needs_first = next(t["outcome"] for t in reply["tests"] if t["name"] == "test_needs_first")
        assert needs_first == ("passed" if order.index("test_first") < order.index("test_needs_first") else "failed")
        orders[seed] = order
    assert len({tuple(o) for o in orders.values()}) > 1
    again = execute(root, shuffle_seed=3)
    assert names(again) == orders[3]


def test_shuffled_is_a_seeded_permutation_never_the_given_order():
    items = [object() for _ in range(2)]
    for seed in range(20):
        order = shuffled(items, seed)
        assert order == items[::-1] and order is not items
    many = list(range(8))
    assert shuffled(many, 7) == shuffled(many, 7) and sorted(shuffled(many, 7)) == many
    assert shuffled([1], 4) == [1] and shuffled([], 4) == []


def test_a_shuffle_seed_that_is_not_an_integer_is_a_bad_request(tmp_path):
    root = write_files(tmp_path, {"calc.py": TARGET, "tests/test_order.py": ORDER_DEPENDENT})
    code, reply, _ = run_harness("execute", {"project_dir": str(root), "target_file": "calc.py",
                                             "test_file": "tests/test_order.py", "shuffle_seed": "3"})
    assert code == 2 and "shuffle_seed" in reply["error"]
