import textwrap

import pytest

from questmesh_harness import static

SUITE = textwrap.dedent('''\
    import os
    import unittest

    from shop import price


    def helper(x):
        if x and x > 1 or x < -1:
            return [y for y in range(x) if y]
        return None


    def test_price():
        assert price(1) == 1  # TODO: more cases


    class TestPrice(unittest.TestCase):
        def test_zero(self):
            try:
                self.assertEqual(price(0), 0)
            except ValueError:
                pass

        def test_missing(self):
            self.assertEqual(undefined_name, 1)
    ''')


def test_static_counts_size_tests_and_complexity():
    reply = static.run({"source": SUITE})

    assert reply["syntax_ok"] is True
    assert reply["line_count"] == len(SUITE.splitlines())
    assert reply["function_count"] == 4
    assert reply["class_count"] == 1
    assert reply["test_count"] == 3
    assert reply["todo_count"] == 1
    # helper: if (1) + and/or (2) + comprehension (1) + its if (1) = 5 decisions.
    assert reply["max_complexity"] == 6
    assert reply["max_function_length"] == 5  # test_zero
    assert reply["avg_complexity"] == round((6 + 1 + 2 + 1) / 4, 2)


def test_static_reports_pyflakes_errors_apart_from_lint():
    flakes = static.run({"source": SUITE})["pyflakes"]

    assert flakes["available"] is True
    assert flakes["issue_count"] == 2  # unused `os`, undefined `undefined_name`
    assert flakes["error_count"] == 1
    assert "undefined name 'undefined_name'" in flakes["output"]


def test_static_reports_a_syntax_error():
    reply = static.run({"source": "def test_x(:\n    pass\n"})

    assert reply["syntax_ok"] is False
    assert reply["syntax_error"]["line"] == 1
    assert reply["test_count"] == 0
    assert reply["pyflakes"]["error_count"] == 1


def test_static_of_an_empty_module():
    reply = static.run({"source": ""})
    assert reply["syntax_ok"] and reply["function_count"] == 0 and reply["avg_complexity"] == 0.0


@pytest.mark.parametrize("source, smells", [
    ("import time\n\ndef test_a():\n    time.sleep(1)\n", ["sleeps"]),
    ("import random\n\ndef test_a():\n    assert random.randint(1, 6) < 7\n", ["unseeded randomness"]),
    ("import random\n\ndef test_a():\n    random.seed(1)\n    assert random.randint(1, 6) < 7\n", []),
    ("from datetime import datetime\n\ndef test_a():\n    assert datetime.now()\n", ["reads the clock"]),
    ("import requests\n\ndef test_a():\n    requests.get('http://x')\n", ["network access"]),
    ("def test_a():\n    text = 'time.sleep(1) random.random()'\n    assert text\n", []),
])
def test_flakiness_smells_come_from_the_syntax_tree(source, smells):
    assert static.run({"source": source})["flakiness_smells"] == smells


def test_target_module_is_named_from_the_path():
    assert static.run({"source": "", "target_file": "src/calc/ops.py"})["target_module"] == "calc.ops"
    assert static.run({"source": ""})["target_module"] is None


LINTED = textwrap.dedent('''\
    import os
    from shop import price


    def test_price():
        unused = 3
        assert price(1) == missing


    def test_price():
        x: int = "a"
        assert x
    ''')


def test_pylint_reports_errors_and_the_warnings_that_matter_for_tests_with_positions():
    reply = static.run({"source": LINTED, "linters": {"pylint": True}})

    pylint = reply["pylint"]
    assert pylint["available"] and pylint["exit_code"] != 0
    codes = {(f["code"], f["line"], f["severity"]) for f in pylint["findings"]}
    assert {("unused-import", 1, "warning"), ("unused-variable", 6, "warning"),
            ("undefined-variable", 7, "error"), ("function-redefined", 10, "error")} <= codes
    assert not any(f["code"] == "import-error" for f in pylint["findings"])  # the project is not beside it
    assert pylint["issue_count"] == len(pylint["findings"]) and pylint["error_count"] == 2
    assert "test_module.py:7:" in pylint["output"]


def test_mypy_is_optional_and_time_limited():
    off = static.run({"source": LINTED})["mypy"]
    on = static.run({"source": LINTED, "linters": {"mypy": True}, "linter_timeout_seconds": 120})["mypy"]

    assert off == {"available": False, "issue_count": 0, "error_count": 0, "exit_code": None,
                   "output": "mypy is switched off", "findings": []}
    assert on["available"] and on["exit_code"] == 1
    assert {("no-redef", 10), ("assignment", 11)} <= {(f["code"], f["line"]) for f in on["findings"]}


COMPLEX = textwrap.dedent('''\
    def test_branches(value=3):
        if value == 1:
            assert True
        elif value == 2:
            assert True
        elif value == 3:
            assert True
        else:
            assert value
    ''')


def test_flake8_reports_errors_style_and_mccabe_complexity_with_positions_and_the_limits_asked_for():
    reply = static.run({"source": LINTED + COMPLEX, "linters": {"flake8": True}, "max_complexity": 3,
                        "max_line_length": 100})

    flake8 = reply["flake8"]
    assert flake8["available"] and flake8["exit_code"] == 1
    found = {(f["code"], f["line"], f["severity"]) for f in flake8["findings"]}
    assert {("F401", 1, "warning"), ("F841", 6, "warning"), ("F821", 7, "error"), ("F811", 10, "warning")} <= found
    assert any(f["code"] == "C901" and f["line"] == 13 and "test_branches" in f["message"] for f in flake8["findings"])
    assert flake8["issue_count"] == len(flake8["findings"]) and flake8["error_count"] == 1
    assert "test_module.py:7:" in flake8["output"]
    assert static.run({"source": COMPLEX, "linters": {"flake8": True}})["flake8"]["issue_count"] == 0  # limit 10
    assert static.run({"source": LINTED})["flake8"]["output"] == "flake8 is switched off"


def test_a_missing_or_hanging_linter_is_unavailable_never_a_crash(monkeypatch, tmp_path):
    from questmesh_harness import lint

    (tmp_path / lint.FILE_NAME).write_text("x = 1\n", encoding="utf-8")
    slow = lint.pylint(tmp_path, 0.001)
    assert not slow["available"] and "did not finish within 0.001 s" in slow["output"]

    monkeypatch.setattr(lint.sys, "executable", str(tmp_path / "no-python"))
    missing = lint.run_linters("x = 1\n", {"pylint": True}, 5.0)["pylint"]
    assert not missing["available"] and "could not start" in missing["output"]


def test_pyflakes_findings_carry_positions():
    findings = static.run({"source": "import os\n\n\ndef test_a():\n    assert nope\n"})["pyflakes"]["findings"]
    assert findings == [
        {"line": 1, "column": 1, "code": "UnusedImport", "severity": "warning", "message": "'os' imported but unused"},
        {"line": 5, "column": 12, "code": "UndefinedName", "severity": "error", "message": "undefined name 'nope'"},
    ]
