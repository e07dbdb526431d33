"""execute: outcomes, failure details and coverage of small real projects, through the real
JSON path (a harness subprocess), as the .NET runner drives it."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from _mutexec_support import PYTHON, run_harness, write_files
from questmesh_harness.execute.capture import cap_text
from questmesh_harness.execute.failure import describe_collect_error

SHOP = """
    def price(amount, vip=False):
        if amount < 0:
            raise ValueError("negative")
        if vip and amount > 100:
            return amount * 0.9
        return amount


    def label(amount):
        return f"{price(amount):.2f} EUR"


    def unused(x):
        return x * 2
"""


def execute(root: Path, test_file: str, **extra) -> dict:
    request = {"project_dir": str(root), "target_file": "shop.py", "test_file": test_file,
               "framework": "auto", "timeout_seconds": 60, **extra}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    assert reply["meta"]["command"] == "execute" and reply["meta"]["format_version"] == 1
    return reply


def by_name(reply: dict) -> dict[str, dict]:
    return {test["name"]: test for test in reply["tests"]}


def coverage_py_total(root: Path, test_file: str) -> float:
    """coverage.py's own branch-mode total for shop.py, computed the ordinary way."""
    script = (
        "import coverage, pytest, json, sys\n"
        "cov = coverage.Coverage(branch=True, data_file=None, include=['shop.py'])\n"
        "cov.start()\n"
        f"pytest.main([{test_file!r}, '-q', '-p', 'no:cacheprovider'])\n"
        "cov.stop()\n"
        "sys.stderr.write(repr(cov.report(file=open('/dev/null', 'w'), precision=9)))\n"
    )
    done = subprocess.run([PYTHON, "-c", script], cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)})
    return float(done.stderr.strip().splitlines()[-1])


def test_passing_suite_reports_outcomes_and_coverage_py_total(tmp_path):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_shop.py": """
        import pytest
        from shop import price, label

        def test_regular():
            assert price(10) == 10

        def test_vip():
            assert price(200, vip=True) == 180

        def test_label():
            assert label(5) == "5.00 EUR"

        @pytest.mark.skip(reason="not today")
        def test_skipped():
            pass
    """})
    reply = execute(root, "tests/test_shop.py")
    assert reply["status"] == "passed" and reply["success"] and reply["exit_code"] == 0
    tests = by_name(reply)
    assert tests["test_regular"]["outcome"] == "passed"
    assert tests["test_skipped"]["outcome"] == "skipped"
    assert tests["test_skipped"]["message"] == "not today"
    assert tests["test_vip"]["id"] == "tests/test_shop.py::test_vip"
    assert reply["framework"] == "pytest"

    cov = reply["coverage"]
    assert cov["percent"] == pytest.approx(coverage_py_total(root, "tests/test_shop.py"), abs=1e-6)
    total = cov["statements"] + cov["branches"]
    covered = cov["covered_statements"] + cov["covered_branches"]
    assert cov["percent"] == pytest.approx(100.0 * covered / total)
    assert 3 in cov["missing_lines"]                # raise ValueError: never reached
    assert 14 in cov["missing_lines"]               # unused()
    assert {"from": 2, "to": 3, "source": "if amount < 0:"} in cov["missing_branches"]
    assert cov["contexts"]["5"] == ["tests/test_shop.py::test_vip"]
    assert set(cov["contexts"]["2"]) == {"tests/test_shop.py::test_regular",
                                         "tests/test_shop.py::test_vip",
                                         "tests/test_shop.py::test_label"}


def test_failures_carry_exception_type_message_and_short_traceback(tmp_path):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_shop.py": """
        from shop import price

        def test_wrong_value():
            assert price(10) == 11

        def test_name_error():
            assert pricey(10) == 10

        def test_attribute_error():
            price.nothing

        def test_missing_fixture(nope):
            pass

        def test_unexpected_exception():
            price(-1)
    """})
    reply = execute(root, "tests/test_shop.py")
    assert reply["status"] == "failed" and not reply["success"] and reply["exit_code"] == 1
    tests = by_name(reply)
    wrong = tests["test_wrong_value"]
    assert (wrong["outcome"], wrong["error_type"]) == ("failed", "AssertionError")
    assert "10 == 11" in wrong["message"]
    assert "tests/test_shop.py" in wrong["traceback"] and "_pytest" not in wrong["traceback"]
    assert tests["test_name_error"]["error_type"] == "NameError"
    assert tests["test_attribute_error"]["error_type"] == "AttributeError"
    fixture = tests["test_missing_fixture"]
    assert (fixture["outcome"], fixture["error_type"]) == ("error", "FixtureLookupError")
    assert "fixture 'nope' not found" in fixture["message"]
    raised = tests["test_unexpected_exception"]
    assert raised["error_type"] == "ValueError" and raised["message"] == "negative"
    assert "shop.py" in raised["traceback"]


@pytest.mark.parametrize("body, error_type", [
    ("import not_a_module\n\ndef test_x():\n    pass\n", "ModuleNotFoundError"),
    ("def test_x(:\n    pass\n", "SyntaxError"),
    ("undefined_name\n\ndef test_x():\n    pass\n", "NameError"),
])
def test_collection_errors_make_status_error(tmp_path, body, error_type):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_broken.py": body})
    reply = execute(root, "tests/test_broken.py")
    assert reply["status"] == "error" and not reply["success"]
    assert reply["collection_errors"][0]["error_type"] == error_type
    assert reply["collection_errors"][0]["id"] == "tests/test_broken.py"
    assert error_type in reply["test_error"]
    assert reply["coverage"]["percent"] == 0.0


def test_unittest_module_runs_and_output_cannot_corrupt_the_reply(tmp_path):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_shop.py": """
        import os
        import sys
        import unittest
        from shop import price

        print("printed at import")

        class PriceTest(unittest.TestCase):
            def test_price(self):
                os.write(1, b"raw fd one\\n")
                print("to stdout")
                print("to stderr", file=sys.stderr)
                self.assertEqual(price(3), 3)

            def test_fails(self):
                self.assertEqual(price(3), 4)

        if __name__ == "__main__":
            unittest.main()
    """})
    reply = execute(root, "tests/test_shop.py")
    assert reply["framework"] == "unittest"
    tests = by_name(reply)
    assert tests["test_price"]["outcome"] == "passed"
    assert tests["test_fails"]["error_type"] == "AssertionError"
    assert tests["test_fails"]["id"] == "tests/test_shop.py::PriceTest::test_fails"
    assert "1 failed, 1 passed" in reply["stdout"]


def test_src_layout_and_nested_target(tmp_path):
    root = write_files(tmp_path, {
        "src/shop/__init__.py": "",
        "src/shop/core.py": SHOP,
        "tests/test_core.py": "from shop.core import price\n\n"
                              "def test_price():\n    assert price(1) == 1\n",
    })
    request = {"project_dir": str(root), "target_file": "src/shop/core.py",
               "test_file": "tests/test_core.py"}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    assert reply["status"] == "passed"
    assert reply["coverage"]["covered_statements"] > 0


def test_time_limit_ends_the_run_with_status_timeout(tmp_path):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_slow.py": """
        import time

        def test_quick():
            pass

        def test_sleeps():
            time.sleep(30)
    """})
    started = time.monotonic()
    reply = execute(root, "tests/test_slow.py", timeout_seconds=2)
    assert time.monotonic() - started < 10
    assert reply["status"] == "timeout"
    tests = by_name(reply)
    assert tests["test_quick"]["outcome"] == "passed"
    assert (tests["test_sleeps"]["outcome"], tests["test_sleeps"]["error_type"]) == ("error", "Timeout")



def test_children_a_test_forks_end_instead_of_running_the_session_again(tmp_path):
    # Each fork doubles the processes (8 in all) and every child returns into pytest, as the
    # processes of a fork bomb do once fork fails; only the parent may report and reply.
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_forks.py": """
        import os

        def test_forks_and_returns():
            for _ in range(3):
                os.fork()

        def test_after():
            assert True
    """})
    reply = execute(root, "tests/test_forks.py")
    assert reply["status"] == "passed"
    assert [t["outcome"] for t in reply["tests"]] == ["passed", "passed"]
    assert reply["stdout"].count("2 passed") == 1


def test_no_tests_is_an_error(tmp_path):
    root = write_files(tmp_path, {"shop.py": SHOP, "tests/test_empty.py": "X = 1\n"})
    reply = execute(root, "tests/test_empty.py")
    assert reply["status"] == "error" and reply["test_error"] == "no tests were collected"


@pytest.mark.parametrize("request_", [
    {"project_dir": "relative/path", "target_file": "a.py", "test_file": "b.py"},
    {"target_file": "a.py", "test_file": "b.py"},
    {"project_dir": "/", "target_file": "../etc/passwd", "test_file": "b.py"},
])
def test_bad_requests_exit_2_with_an_error(request_):
    code, reply, _ = run_harness("execute", request_)
    assert code == 2 and reply["error"] and reply["meta"]["command"] == "execute"


def test_collect_error_text_names_the_original_exception():
    text = ("ImportError while importing test module '/p/tests/test_x.py'.\nTraceback:\n"
            "tests/test_x.py:1: in <module>\n    import nope\n"
            "E   ModuleNotFoundError: No module named 'nope'")
    failure = describe_collect_error(text, "tests/test_x.py")
    assert failure.error_type == "ModuleNotFoundError"
    assert failure.message == "No module named 'nope'"


def test_long_output_keeps_head_and_tail():
    text = "start " + "x" * 50_000 + " end"
    capped = cap_text(text, 20_000)
    assert len(capped) == 20_000 and capped.startswith("start") and capped.endswith(" end")
    assert json.loads(json.dumps(capped)) == capped


def test_a_project_package_named_like_one_the_runner_imported_first_is_the_one_tested(tmp_path):
    # pytest imports `iniconfig` (its own dependency) before any test: the project's package of that name must
    # still be what the tests import and what coverage measures, as in the user's own pytest run.
    write_files(tmp_path, {
        "src/iniconfig/__init__.py": """
            def parse(text):
                if "=" in text:
                    return dict([text.split("=", 1)])
                return {}
        """,
        "tests/test_parse.py": """
            from iniconfig import parse

            def test_parse():
                assert parse("a=1") == {"a": "1"}
        """,
    })
    request = {"project_dir": str(tmp_path), "target_file": "src/iniconfig/__init__.py",
               "test_file": "tests/test_parse.py", "framework": "auto", "timeout_seconds": 60}
    code, reply, stderr = run_harness("execute", request)

    assert code == 0, stderr
    assert reply["status"] == "passed", reply["stdout"]
    assert reply["coverage"]["covered_statements"] == 3 and reply["coverage"]["missing_lines"] == [4]
