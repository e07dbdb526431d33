"""mutate: operators, swapping mutants into a live module, verdicts and score.

The central check runs the fast engine (forked children, code swapped into the imported module)
and the naive one (a fresh interpreter per mutant) on the same small module, which has every
kind of code the swap must reach: functions imported by name, methods, a nested class, a
property, a static method, closures made at import, a decorated function, module constants,
class attributes, default values and a function the module calls while importing. Both must
reach the same verdict on every mutant.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from _mutexec_support import run_harness, write_files
from questmesh_harness.mutate.fork import ChildResult, Job
from questmesh_harness.mutate.mutants import generate_mutants, parse_module
from questmesh_harness.mutate.order import KillHistory
from questmesh_harness.mutate.selection import Plan
from questmesh_harness.mutate.reconcile import reexecute
from questmesh_harness.mutate.score import sample, score, wilson_half_width
from questmesh_harness.mutate.swap import LiveModule
from questmesh_harness.mutate.watch import Watch
from questmesh_harness.mutate.workdir import WorkDirs

CALC = '''
"""A module with every kind of code the mutation engine must reach."""
import functools

LIMIT = 10
GREETING = "hello"


def clamp(value):
    if value > LIMIT:
        return LIMIT
    return value


def greet(name):
    return GREETING + ", " + name


def scaled(values, factor=2):
    return [v * factor for v in values]


def make_adder(n):
    def add(x):
        return x + n
    return add


def logged(function):
    @functools.wraps(function)
    def wrapper(*args):
        return function(*args)
    return wrapper


@logged
def double(x):
    return x * 2


class Account:
    fee = 1

    def __init__(self, balance=0):
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount - self.fee
        return self.balance

    @property
    def overdrawn(self):
        return self.balance < 0

    @staticmethod
    def describe(n):
        return "account" if n == 1 else "accounts"

    class Limits:
        def top(self):
            return 100


class Loud(Account):
    @classmethod
    def describe(cls, n):
        return super().describe(n) + '!'


SQUARES = {n: n * n for n in range(3)}
ADD_ONE = make_adder(1)


def compute_table():
    return [i + 1 for i in range(3)]


TABLE = compute_table()

if __name__ == "__main__":
    print(clamp(20))
'''

CALC_TESTS = '''
import pytest

import calc
from calc import ADD_ONE, TABLE, Account, clamp, double, greet, make_adder, scaled

ACCOUNT_CLASS = Account


def test_clamp():
    assert clamp(20) == 10 and clamp(10) == 10 and clamp(3) == 3

def test_greet():
    assert greet("bob") == "hello, bob"

def test_scaled():
    assert scaled([1, 2]) == [2, 4]

def test_adder():
    assert make_adder(2)(3) == 5

def test_add_one_made_at_import():
    assert ADD_ONE(1) == 2

def test_decorated():
    assert double(4) == 8

def test_deposit():
    account = ACCOUNT_CLASS(5)
    assert account.deposit(10) == 14
    with pytest.raises(ValueError):
        account.deposit(0)

def test_overdrawn():
    assert Account(-1).overdrawn and not Account(0).overdrawn

def test_describe():
    assert Account.describe(1) == "account" and Account.describe(2) == "accounts"

def test_nested_class():
    assert Account.Limits().top() == 100

def test_module_constant():
    assert calc.SQUARES == {0: 0, 1: 1, 2: 4}

def test_computed_at_import():
    assert TABLE == [1, 2, 3]

def test_default_balance():
    assert Account().balance == 0

def test_loud():
    assert calc.Loud.describe(2) == "accounts!"
'''

# Mutants no test above can see: equivalent or unchecked.
EXPECTED_SURVIVORS = {
    ("if value > LIMIT:", "if value >= LIMIT:"),
    ("if amount <= 0:", "if amount <= 1:"),
    ('raise ValueError("amount must be positive")', "raise ValueError('XXamount must be positiveXX')"),
}


def mutate(root: Path, target: str = "calc.py", tests: str = "tests", **extra) -> dict:
    request = {"project_dir": str(root), "target_file": target, "tests": tests, "seed": 42,
               "workers": 2, "timeout_factor": 10.0, "timeout_min_seconds": 1.0, **extra}
    code, reply, stderr = run_harness("mutate", request, timeout=300)
    assert code == 0, stderr
    assert reply["meta"]["command"] == "mutate"
    return reply


@pytest.fixture(scope="module")
def calc_project(tmp_path_factory) -> Path:
    return write_files(tmp_path_factory.mktemp("calc"), {"calc.py": CALC,
                                                         "tests/test_calc.py": CALC_TESTS})


@pytest.fixture(scope="module")
def fast_reply(calc_project) -> dict:
    return mutate(calc_project)


def test_fast_mode_kills_every_mutant_a_test_can_see(fast_reply):
    survivors = {(m["original"], m["mutated"]) for m in fast_reply["mutants"]
                 if m["status"] == "survived"}
    assert survivors == EXPECTED_SURVIVORS
    statuses = {m["status"] for m in fast_reply["mutants"]}
    assert statuses <= {"killed", "survived"}
    killed = fast_reply["killed"] + fast_reply["timeout"]
    assert fast_reply["score"] == round(100 * killed / (killed + fast_reply["survived"]), 2)
    assert fast_reply["uncertainty"] is None and fast_reply["sampled"] is False
    assert fast_reply["duration_seconds"] > 0
    assert fast_reply["baseline"]["tests"] == 14 and fast_reply["baseline"]["failed"] == 0
    for mutant in fast_reply["mutants"]:
        assert set(mutant) >= {"id", "line", "col", "operator", "original", "mutated",
                               "status", "killed_by", "duration"}
        if mutant["status"] == "killed":
            killer = mutant["killed_by"]
            assert killer.startswith("tests/test_calc.py::") or killer == "<module import>"


def test_swap_reaches_every_kind_of_code(fast_reply):
    def verdict(line_text: str, mutated: str) -> dict:
        found = [m for m in fast_reply["mutants"]
                 if m["original"] == line_text and m["mutated"] == mutated]
        assert found, (line_text, mutated)
        return found[0]

    cases = {
        ("LIMIT = 10", "LIMIT = 11"): "test_clamp",                          # module constant
        ("return x + n", "return x - n"): "test_adder test_add_one_made_at_import",  # closure
        ("fee = 1", "fee = 2"): "test_deposit",                              # class attribute
        ("def __init__(self, balance=0):", "def __init__(self, balance=1):"): "test_default_balance",
        ("return self.balance < 0", "return self.balance <= 0"): "test_overdrawn",  # property
        ("return 100", "return 101"): "test_nested_class",                   # nested class
        ("ADD_ONE = make_adder(1)", "ADD_ONE = make_adder(2)"): "test_add_one_made_at_import",
        ("return [i + 1 for i in range(3)]", "return [i - 1 for i in range(3)]"):
            "test_computed_at_import",                                       # run at import
        ("return function(*args)", "return None"): "test_decorated",          # wrapper
    }
    for (original, mutated), killers in cases.items():
        mutant = verdict(original, mutated)
        assert mutant["status"] == "killed", mutant
        assert mutant["killed_by"].rsplit("::", 1)[-1] in killers.split(), mutant


def test_naive_mode_agrees_with_fast_mode(calc_project, fast_reply):
    naive = mutate(calc_project, mode="naive", max_mutants=24, seed=3)
    fast = mutate(calc_project, max_mutants=24, seed=3)
    assert [m["id"] for m in naive["mutants"]] == [m["id"] for m in fast["mutants"]]
    detected = {"killed", "timeout"}
    disagreements = [(f["original"], f["mutated"], f["status"], n["status"])
                     for f, n in zip(fast["mutants"], naive["mutants"])
                     if (f["status"] in detected) != (n["status"] in detected)]
    assert disagreements == []
    assert naive["mode"] == "naive" and fast["sampled"] and fast["uncertainty"] is not None


def test_hang_no_coverage_failing_and_unreliable_tests_and_broken_import(tmp_path):
    root = write_files(tmp_path, {
        "loop.py": '''
            START = int("3")


            def countdown(n):
                while n > 0:
                    n -= 1
                return n


            def unused():
                return 41
        ''',
        "tests/test_loop.py": '''
            import os
            from loop import START, countdown

            def test_countdown():
                assert countdown(START) == 0

            def test_always_fails():
                assert False

            def test_needs_the_real_working_directory():
                countdown(1)
                assert os.getcwd() == os.path.dirname(os.path.dirname(__file__))
        ''',
    })
    reply = mutate(root, target="loop.py", timeout_min_seconds=0.5)
    by_change = {(m["original"], m["mutated"]): m for m in reply["mutants"]}
    assert by_change[("n -= 1", "n += 1")]["status"] == "timeout"
    assert by_change[("return 41", "return 42")]["status"] == "no-coverage"
    broken = by_change[('START = int("3")', "START = int('XX3XX')")]
    assert (broken["status"], broken["killed_by"]) == ("killed", "<module import>")
    assert reply["baseline"]["failed"] == 1
    assert reply["baseline"]["failed_tests"] == ["tests/test_loop.py::test_always_fails"]
    assert reply["baseline"]["unreliable_tests"] == [
        "tests/test_loop.py::test_needs_the_real_working_directory"]
    assert {m["killed_by"] for m in reply["mutants"]} <= {
        None, "tests/test_loop.py::test_countdown", "<module import>"}
    assert reply["no_coverage"] >= 2
    judged = reply["killed"] + reply["timeout"] + reply["survived"] + reply["no_coverage"]
    assert reply["score"] == round(100 * (reply["killed"] + reply["timeout"]) / judged, 2)


def test_sampling_is_deterministic_per_seed(calc_project):
    first = mutate(calc_project, max_mutants=5, seed=11)
    second = mutate(calc_project, max_mutants=5, seed=11)
    assert [m["id"] for m in first["mutants"]] == [m["id"] for m in second["mutants"]]
    assert first["total"] == 5 and first["sampled"] and first["uncertainty"] > 0


def test_tests_that_do_not_collect_are_reported(tmp_path):
    root = write_files(tmp_path, {"calc.py": CALC, "tests/test_bad.py": "import nowhere\n"})
    reply = mutate(root)
    assert "do not collect" in reply["error"] and reply["score"] == 0.0


def test_bad_request_exits_2(tmp_path):
    code, reply, _ = run_harness("mutate", {"project_dir": str(tmp_path), "target_file": "x.py",
                                            "tests": "tests"})
    assert code == 2 and "does not exist" in reply["error"]


@pytest.mark.parametrize("mode", ["fast", "naive"])
def test_a_latin1_target_is_read_in_its_declared_encoding(tmp_path, mode):
    (tmp_path / "cafe.py").write_bytes(b"# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\n\n\ndef is_cafe(x):\n"
                                       b"    return x == NAME\n")
    write_files(tmp_path, {"tests/test_cafe.py": """
        from cafe import is_cafe


        def test_is_cafe():
            assert is_cafe("caf\u00e9")
            assert not is_cafe("cafe")
        """})
    reply = mutate(tmp_path, target="cafe.py", mode=mode)
    assert reply["error"] is None and reply["total"] > 0
    assert reply["survived"] == 0 and reply["errors"] == 0


def test_parallel_children_do_not_share_the_working_directory(tmp_path):
    """Every test writes and deletes the same relative file name (CPython's TESTFN habit): two
    children running it at once must not delete each other's file and 'kill' mutants no test
    can see (here every mutant is invisible to the test)."""
    root = write_files(tmp_path, {
        "quiet.py": """
            def noise(a, b):
                x = a + b * 2 - 1
                y = a < b or a == 3
                z = "text" if y else "other"
                return None
        """,
        "tests/test_quiet.py": """
            import os
            import time
            import unittest
            from quiet import noise

            class Quiet(unittest.TestCase):
                def setUp(self):
                    with open("shared.tmp", "w") as handle:
                        handle.write("x")

                def tearDown(self):
                    os.unlink("shared.tmp")

                def test_noise(self):
                    time.sleep(0.01)
                    noise(1, 2)
                    with open("shared.tmp") as handle:
                        assert handle.read() == "x"
        """,
    })
    reply = mutate(root, target="quiet.py", workers=4)
    assert reply["total"] >= 8
    assert reply["killed"] == 0 and reply["survived"] == reply["total"]
    assert not (root / "shared.tmp").exists()


# --- operators and generation -------------------------------------------------------------

def mutations_of(source: str) -> set[tuple[str, str]]:
    return {(m.operator, m.mutated) for m in generate_mutants(parse_module(source, "m.py"))}


@pytest.mark.parametrize("source, expected", [
    ("x = a < b", {("boundary", "x = a <= b")}),
    ("x = a == b", {("comparison", "x = a != b")}),
    ("x = a is not b", {("comparison", "x = a is b")}),
    ("x = a in b", {("comparison", "x = a not in b")}),
    ("x = a + b", {("arithmetic", "x = a - b")}),
    ("x = a // b", {("arithmetic", "x = a / b")}),
    ("x = a ** b", {("arithmetic", "x = a * b")}),
    ("x = a % b", {("arithmetic", "x = a * b")}),
    ("x += a", {("augmented_assignment", "x -= a")}),
    ("x = a and b", {("boolean", "x = a or b")}),
    ("x = not a", {("unary", "x = a")}),
    ("x = -a", {("unary", "x = a")}),
    ("x = 0", {("constant", "x = 1")}),
    ("x = 2.5", {("constant", "x = 3.5")}),
    ("x = True", {("constant", "x = False")}),
    ("x = 's'", {("constant", "x = 'XXsXX'")}),
    ("x = ''", {("constant", "x = 'XX'")}),
    ("def f(a):\n    return a", {("return_value", "return None")}),
    ("def f(a):\n    g(a)", {("remove_call", "pass")}),
    ("while a:\n    break", {("negate_condition", "while not a:"), ("loop_control", "continue")}),
    ("if a:\n    pass", {("negate_condition", "if not a:")}),
])
def test_operators(source, expected):
    assert mutations_of(source) == expected


def test_generation_skips_code_no_test_should_answer_for():
    source = '''
"""Module docstring."""
from typing import TYPE_CHECKING
__all__ = ["f"]
__version__ = "1.2.3"
__author__ = "Someone <someone@example.org>"
if TYPE_CHECKING:
    import os


def f(a: int = 1) -> "str":
    """Function docstring."""
    x = f"{a + 1} items"
    return 2  # pragma: no mutate


if __name__ == "__main__":
    f(3)
'''
    mutants = generate_mutants(parse_module(source, "m.py"))
    assert [(m.line, m.mutated) for m in mutants] == [(11, 'def f(a: int = 2) -> "str":')]
    assert mutants[0].scope == "module" and mutants[0].id == 1


def test_mutant_ids_and_scopes_are_stable():
    parsed = parse_module(CALC, "calc.py")
    first = [(m.id, m.line, m.col, m.operator, m.scope) for m in generate_mutants(parsed)]
    again = [(m.id, m.line, m.col, m.operator, m.scope)
             for m in generate_mutants(parse_module(CALC, "calc.py"))]
    assert first == again
    scopes = {m.original: m.scope for m in generate_mutants(parse_module(CALC, "calc.py"))}
    assert scopes["fee = 1"] == "module" and scopes["return x + n"] == "function"


# --- the swap, in this process, on a throwaway module --------------------------------------

def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("original, mutated, check", [
    ("return x + n", "return x - n", lambda m, held: held["adder"](5) == 4),
    ("fee = 1", "fee = 2", lambda m, held: held["account"].fee == 2),
    ("return 100", "return 101", lambda m, held: held["limits"]().top() == 101),
    ("return self.balance < 0", "return self.balance <= 0",
     lambda m, held: held["Account"](0).overdrawn),
    ("return function(*args)", "return None", lambda m, held: held["double"](2) is None),
    ("return super().describe(n) + '!'", "return None", lambda m, held: held["loud"](1) is None),
    ("LIMIT = 10", "LIMIT = 11", lambda m, held: held["clamp"](50) == 11),
])
def test_swap_in_changes_what_existing_references_see(tmp_path, original, mutated, check):
    name = f"calc_swap_{abs(hash((original, mutated)))}"
    path = tmp_path / f"{name}.py"
    path.write_text(CALC, encoding="utf-8")
    module = load(path, name)
    held = {"adder": module.ADD_ONE, "account": module.Account(), "limits": module.Account.Limits,
            "Account": module.Account, "double": module.double, "clamp": module.clamp,
            "loud": module.Loud.describe}
    parsed = parse_module(CALC, str(path))
    mutant = next(m for m in generate_mutants(parsed)
                  if (m.original, m.mutated) == (original, mutated))
    live = LiveModule(module, parsed, lambda file: False).prepare()
    live.swap_in(mutant, rerun_module=False)
    try:
        assert check(module, held)
        assert module.Account is held["Account"]  # identities survive the swap
    finally:
        del sys.modules[name]


def test_reexecute_merges_into_the_objects_tests_hold(tmp_path):
    path = tmp_path / "merge_me.py"
    path.write_text("RATE = 2\n\nclass Box:\n    size = RATE\n\n    def grow(self):\n"
                    "        return self.size * RATE\n", encoding="utf-8")
    module = load(path, "merge_me")
    box_class, box = module.Box, module.Box()
    try:
        codes = [compile("RATE = 3\n", str(path), "exec"),
                 compile("class Box:\n    size = RATE\n\n    def grow(self):\n"
                         "        return self.size * RATE\n", str(path), "exec")]
        reexecute(module, codes, [])
        assert module.Box is box_class and box.size == 3 and box.grow() == 9
    finally:
        del sys.modules["merge_me"]


def test_reexecute_replaces_a_class_whose_slots_changed(tmp_path):
    path = tmp_path / "slotted.py"
    path.write_text("class P:\n    __slots__ = ('x',)\n", encoding="utf-8")
    module = load(path, "slotted")
    consumer = type(sys)("consumer")
    consumer.P = module.P
    try:
        reexecute(module, [compile("class P:\n    __slots__ = ('y',)\n", str(path), "exec")],
                  [consumer])
        assert consumer.P is module.P and module.P.__slots__ == ("y",)
    finally:
        del sys.modules["slotted"]


# --- score -------------------------------------------------------------------------------

def test_score_counts_no_coverage_as_survived_and_ignores_errors():
    figures = score(["killed", "timeout", "survived", "no-coverage", "error"], sampled=False)
    assert figures.score == 50.0 and figures.errors == 1 and figures.total == 5
    assert figures.uncertainty is None
    assert score([], sampled=False).score == 100.0
    assert score(["error"], sampled=False).score == 0.0


def test_wilson_half_width():
    assert wilson_half_width(50, 100) == pytest.approx(9.617, abs=0.001)
    assert wilson_half_width(8, 10) == pytest.approx(22.66, abs=0.01)
    assert score(["killed"] * 8 + ["survived"] * 2, sampled=True).uncertainty == pytest.approx(
        22.66, abs=0.01)


def test_sample_is_deterministic_and_keeps_order():
    items = list(range(100))
    chosen, sampled = sample(items, 10, seed=5)
    assert sampled and chosen == sorted(chosen) and chosen == sample(items, 10, seed=5)[0]
    assert sample(items, None, seed=5) == (items, False)
    assert sample(items, 500, seed=5) == (items, False)


# --- scheduling --------------------------------------------------------------------------

def test_watch_suspects_a_child_stuck_in_one_test_and_clears_on_progress():
    watch = Watch(started=0.0, timeout=10.0, steps={0: 0.01, 1: 0.5})
    assert not watch.check(0.3)
    assert watch.check(0.4) and watch.suspect          # swapping the mutant in took too long
    assert watch.progressed(0, 0.4) and not watch.suspect
    assert not watch.check(0.45) and watch.check(0.51)  # 4 x 10 ms, floored at 0.1 s
    watch.progressed(1, 1.0)
    assert not watch.check(2.9) and watch.check(3.0)    # 4 x 0.5 s
    capped = Watch(started=0.0, timeout=1.0, steps={0: 5.0})
    capped.progressed(0, 0.0)
    assert capped.check(0.5)                            # never more than half the timeout


def test_kill_history_puts_recent_killers_first():
    mutants = generate_mutants(parse_module("def f(a):\n    return a + 1\n", "m.py"))
    plans = [Plan(m, (0, 1, 2, 3), False, 1.0, 0.1) for m in mutants]
    history = KillHistory()
    history.record(Job(1, 1.0, plans[0]), ChildResult(["T 0", "T 1", "T 2", "K 2"], False, 0, 0.1))
    assert history.reorder(Job(2, 1.0, plans[1])).payload.tests == (2, 0, 1, 3)


def test_workdirs_mirror_the_project_and_are_reused(tmp_path):
    root = write_files(tmp_path / "root", {"data/in.txt": "hello", "mod.py": "X = 1\n"})
    dirs = WorkDirs(root, tmp_path / "work")
    first = dirs.acquire()
    assert (first / "data" / "in.txt").read_text() == "hello"
    (first / "new.txt").write_text("private")
    assert not (root / "new.txt").exists()
    second = dirs.acquire()
    assert second != first
    dirs.release(first)
    assert dirs.acquire() == first
    dirs.remove_all()
    assert not (tmp_path / "work").exists() and (root / "mod.py").exists()


def test_each_mutant_names_the_function_it_is_in():
    from questmesh_harness.mutate.mutants import generate_mutants, parse_module

    source = "X = 1 + 2\n\n\ndef f(a):\n    return a + 1\n\n\nclass C:\n    def m(self, b):\n        return b * 2\n"
    functions = {m.line: m.function for m in generate_mutants(parse_module(source, "x.py"))}

    assert functions[1] == "" and functions[5] == "f" and functions[10] == "C.m"
