"""patch: the edits the fixer's repairs make, each validated by parsing, each refusal with its reason."""

from __future__ import annotations

import pytest

from _mutexec_support import write_files
from questmesh_harness import patch
from questmesh_harness.errors import HarnessError

TARGET = "class InvalidAmount(ValueError):\n    pass\n\n\ndef add(a, b):\n    return a + b\n\n\nLIMIT = 3\n"


def edit(source: str, op: str, **fields) -> dict:
    return patch.run({"source": source, "op": op, **fields})


@pytest.mark.parametrize("suite, line, value, expected", [
    ("def test_a():\n    assert add(1, 2) == 4\n", 2, "3", "def test_a():\n    assert add(1, 2) == 3\n"),
    ("def test_a():\n    assert 4 == add(1, 2), 'sum'\n", 2, "3", "def test_a():\n    assert 3 == add(1, 2), 'sum'\n"),
    ("def test_a():\n    result = add('a', 'b')\n    assert result == \"ab \"\n", 3, "'ab'",
     "def test_a():\n    result = add('a', 'b')\n    assert result == 'ab'\n"),
    ("def test_a():\n    assert add(1, 2) == {\n        'n': 4,\n    }\n", 2, "{'n': 3}",
     "def test_a():\n    assert add(1, 2) == {'n': 3}\n"),
    ("class TestCalc(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(add(1, 2), 4, 'sum')\n", 3, "3",
     "class TestCalc(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(add(1, 2), 3, 'sum')\n"),
])
def test_replace_expected_writes_the_observed_value(suite, line, value, expected):
    name = "TestCalc.test_a" if "class" in suite else "test_a"
    reply = edit(suite, "replace_expected", name=name, line=line, value=value)
    assert reply["source"] == expected and reply["changed"]
    assert reply["detail"].startswith("expected value `") and f"observed `{value}`" in reply["detail"]


@pytest.mark.parametrize("suite, line, value, reason", [
    ("def test_a():\n    assert add(1, 2) == expected\n", 2, "3", "does not compare a call with one literal"),
    ("def test_a():\n    assert add(1, 2) == 4\n", 2, "<calc.Box object at 0x7f>", "cannot be written as a literal"),
    ("def test_a():\n    assert add(1, 2) > 4\n", 2, "3", "not a single `==` comparison"),
    ("def test_a():\n    assert add(1, 2) == 4\n", 2, "4", "the expected one as written"),
    ("def check(x):\n    assert x == 4\n\n\ndef test_a():\n    check(add(1, 2))\n    assert add(1, 1) == 2\n", 2, "3",
     "is not in test_a"),
])
def test_replace_expected_refuses_what_it_cannot_re_observe(suite, line, value, reason):
    with pytest.raises(HarnessError, match=reason):
        edit(suite, "replace_expected", name="test_a", line=line, value=value)


@pytest.mark.parametrize("suite, line, exception, module, expected", [
    ("def test_a():\n    assert div(1, 0) == 0\n", 2, "ZeroDivisionError", "builtins",
     "import pytest\ndef test_a():\n    with pytest.raises(ZeroDivisionError):\n        div(1, 0)\n"),
    ("import pytest\n\n\ndef test_a():\n    x = div(1, 0)\n    assert x == 0\n", 5, "ZeroDivisionError", "builtins",
     "import pytest\n\n\ndef test_a():\n    with pytest.raises(ZeroDivisionError):\n        div(1, 0)\n"),
    ("import pytest\n\n\ndef test_a():\n    pay(\n        -1)\n", 5, "calc.ops.InvalidAmount", "calc.ops",
     "import pytest\nfrom calc.ops import InvalidAmount\n\n\ndef test_a():\n    with pytest.raises(InvalidAmount):\n"
     "        pay(\n            -1)\n"),
])
def test_expect_raises_wraps_the_raising_call(suite, line, exception, module, expected):
    reply = edit(suite, "expect_raises", name="test_a", line=line, exception=exception, exception_module=module)
    assert reply["source"] == expected
    assert "is now expected with pytest.raises" in reply["detail"]


def test_expect_raises_uses_assertRaises_in_a_unittest_class_and_says_what_it_dropped():
    suite = ("import unittest\n\nclass TestCalc(unittest.TestCase):\n    def test_a(self):\n"
             "        self.assertEqual(div(1, 0), 0)\n        self.assertTrue(True)\n")
    reply = edit(suite, "expect_raises", name="TestCalc.test_a", line=5, exception="ZeroDivisionError")
    assert reply["source"] == ("import unittest\n\nclass TestCalc(unittest.TestCase):\n    def test_a(self):\n"
                               "        with self.assertRaises(ZeroDivisionError):\n            div(1, 0)\n")
    assert reply["detail"].endswith("1 statement(s) after it never ran and were dropped")


@pytest.mark.parametrize("suite, exception, module, reason", [
    ("def test_a():\n    if True:\n        div(1, 0)\n", "ZeroDivisionError", None, "nested block"),
    ("def test_a():\n    div(1, 0)\n", "SomethingElse", None, "not a built-in exception"),
    ("def test_a():\n    div(1, 0)\n", "__main__.Boom", "__main__", "cannot be imported"),
])
def test_expect_raises_refuses_what_it_cannot_wrap(suite, exception, module, reason):
    with pytest.raises(HarnessError, match=reason):
        edit(suite, "expect_raises", name="test_a", line=3 if "if" in suite else 2, exception=exception,
             exception_module=module)


def test_add_import_goes_after_the_existing_imports_once():
    source = '"""Tests."""\nimport json\nfrom calc import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n'
    once = edit(source, "add_import", code="import pytest")["source"]
    assert once == ('"""Tests."""\nimport json\nfrom calc import add\nimport pytest\n\n\n'
                    'def test_a():\n    assert add(1, 1) == 2\n')
    assert edit(once, "add_import", code="import pytest") == {"source": once, "changed": False,
                                                               "detail": "added `import pytest`"}
    with pytest.raises(HarnessError):
        edit(source, "add_import", code="x = 1")


@pytest.fixture
def project(tmp_path):
    return write_files(tmp_path, {"src/calc/__init__.py": "", "src/calc/ops.py": TARGET, "src/calc/util.py": "",
                                  "tests/conftest.py": "", "tests/test_ops.py": ""})


def fix(project, source, **fields):
    return edit(source, "fix_import", project_dir=str(project), target_file="src/calc/ops.py",
                test_file="tests/test_ops.py", **fields)


@pytest.mark.parametrize("suite, missing, expected", [
    ("from ops import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n", "ops",
     "from calc.ops import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n"),
    ("import ops\n\n\ndef test_a():\n    assert ops.add(1, 1) == 2\n", "ops",
     "import calc.ops as ops\n\n\ndef test_a():\n    assert ops.add(1, 1) == 2\n"),
    ("from src.calc.ops import add\n", "src", "from calc.ops import add\n"),
    ("import util\n", "util", "import calc.util as util\n"),
    ("import json\nfrom nowhere import thing\n\n\ndef test_a():\n    assert thing\n", "nowhere",
     "import json\n\n\ndef test_a():\n    assert thing\n"),
])
def test_fix_import_rewrites_or_removes_wrong_imports(project, suite, missing, expected):
    reply = fix(project, suite, missing_module=missing)
    assert reply["source"] == expected and reply["changed"]


def test_fix_import_drops_a_name_the_module_lacks_or_imports_it_from_the_target(project):
    dropped = fix(project, "from calc.ops import add, mul\n", missing_name="mul", imported_from="calc.ops")
    moved = fix(project, "from calc.util import add, LIMIT\n", missing_name="LIMIT", imported_from="calc.util")
    assert dropped["source"] == "from calc.ops import add\n"
    assert moved["source"] == "from calc.util import add\nfrom calc.ops import LIMIT\n"
    assert moved["detail"] == "`LIMIT` now imported from `calc.ops`"


def test_fix_import_leaves_imports_the_code_under_test_makes(project):
    with pytest.raises(HarnessError, match="does not import `requests` itself"):
        fix(project, "from calc.ops import add\n", missing_module="requests")


@pytest.mark.parametrize("name, defined", [("add", True), ("LIMIT", True), ("InvalidAmount", True), ("mul", False)])
def test_import_from_target_imports_names_the_target_defines(project, name, defined):
    request = {"source": "def test_a():\n    pass\n", "op": "import_from_target", "name": name,
               "project_dir": str(project), "target_file": "src/calc/ops.py"}
    if defined:
        assert patch.run(request)["source"] == f"from calc.ops import {name}\ndef test_a():\n    pass\n"
    else:
        with pytest.raises(HarnessError, match="is not defined by calc.ops either"):
            patch.run(request)
