"""execute: the facts the fixer's rules decide on, read off real failures of one real suite that carries each
pattern (a missing module or name, an import cycle, Django settings, a blocked database, a recursion, a float
that is off by rounding, an exception inside pytest.raises, exceptions the target raises on purpose or Python
raises inside it, and whether the test's call fit the target's type hints)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _mutexec_support import run_harness

# The project and its suite, shared with the fixer's .NET tests (QuestMesh.Fixer.Tests/Support/FailurePatterns.cs):
# tests/test_cart.py fails on purpose, in every way the fixer tells apart.
PROJECT = Path(__file__).resolve().parent / "fixtures" / "failure_patterns"


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("patterns") / "project"
    shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns("__pycache__"))
    request = {"project_dir": str(root), "target_file": "src/shop/cart.py", "test_file": "tests/test_cart.py",
               "framework": "auto", "timeout_seconds": 60}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    return {test["name"]: test["failure"] for test in reply["tests"] if test["failure"]}


@pytest.mark.parametrize("test, on_purpose, function, call, fits", [
    ("test_raised_on_purpose", True, "pay", "pay(-1)", True),
    ("test_value_error_by_python", False, "parse", 'parse("x")', True),
    ("test_bug_zero_division", False, "average", "average([])", True),
    ("test_bug_index", False, "first", "first([])", True),
    ("test_bug_key", False, "price_of", 'price_of({"tea": 2.5}, "coffee")', True),
    ("test_bug_type", False, "describe", "describe(2)", True),
    ("test_misuse", False, "shout", "shout(3)", False),
    ("test_recursion", False, "depth", "depth(0)", True),
    ("test_unicode_in_target", False, "decode", 'decode(b"caf\\xc3\\xa9")', True),
    ("test_django_settings", False, "debug_mode", "debug_mode()", None),
    ("test_assertion_mismatch", None, None, None, None),
    ("test_key_error_in_test", None, None, None, None),
])
def test_a_failure_says_who_raised_it_and_which_call_led_there(found, test, on_purpose, function, call, fits):
    failure = found[test]

    assert (failure["raised_on_purpose"], failure["target_function"]) == (on_purpose, function)
    assert (failure["target_call"], failure["call_fits_hints"]) == (call, fits)


def test_a_deep_recursion_keeps_the_test_frame_that_started_it(found):
    recursion = found["test_recursion"]

    assert len(recursion["frames"]) == 12
    assert recursion["frames"][0]["kind"] == "test" and recursion["test_line"] == recursion["frames"][0]["line"]
    assert {frame["kind"] for frame in recursion["frames"][1:]} == {"target"}


def test_pytest_raises_around_another_exception_names_what_it_expected(found):
    wrong = found["test_wrong_exception"]

    assert (wrong["exception_name"], wrong["expected_exception"], wrong["raised_on_purpose"]) == (
        "InvalidAmount", "TypeError", True)
    assert found["test_did_not_raise"]["expected_exception"] is None
    assert found["test_raised_on_purpose"]["expected_exception"] is None


def test_framework_and_import_conditions_are_flagged(found):
    assert found["test_database_blocked"]["database_blocked"]
    assert found["test_import_cycle"]["import_cycle"]
    assert found["test_import_cycle"]["missing_name"] == "A"
    assert not found["test_cannot_import_name"]["import_cycle"]
    assert found["test_django_settings"]["exception_type"] == "django.core.exceptions.ImproperlyConfigured"
    assert not any(found[name]["database_blocked"] for name in found if name != "test_database_blocked")


def test_a_float_off_by_rounding_is_close_and_other_mismatches_are_not(found):
    assert found["test_float_mismatch"]["assertion"]["close"] is True
    assert found["test_assertion_mismatch"]["assertion"]["close"] is False
    assert found["test_assertion_failed"]["assertion"]["close"] is False


def test_each_test_frame_names_the_first_line_of_its_function(found):
    mismatch = found["test_assertion_mismatch"]

    assert mismatch["test_line"] - mismatch["test_function_line"] == 1
    assert found["test_unbound_local"]["test_line"] - found["test_unbound_local"]["test_function_line"] == 3
