"""execute: each failure as structured data (qualified type, typed frames, operands, missing names),
read from the real exception objects of small real failing suites."""

from __future__ import annotations

from pathlib import Path

from _mutexec_support import run_harness, write_files

OPS = """
    class InvalidAmount(ValueError):
        pass


    class Box:
        def __init__(self, h):
            self.h = h


    def add(a, b):
        return a + b


    def div(a, b):
        return a / b


    def name(n):
        return {"n": n}


    def pay(amount):
        if amount < 0:
            raise InvalidAmount("amount must be positive")
        return amount
"""

SUITE = """
    import unittest

    import pytest

    from calc.ops import Box, add, div, name, pay


    def test_int_mismatch():
        assert add(1, 2) == 4


    def test_literal_left():
        assert 4 == add(1, 2), "sum"


    def test_str_mismatch():
        assert add("a", "b") == "ab "


    def test_dict_mismatch():
        assert name(3) == {"n": 4}


    def test_object_mismatch():
        assert Box(1) == 4


    def test_greater():
        assert add(0, 0) > 1


    def test_zero_division():
        assert div(1, 0) == 0


    def test_custom_exception():
        pay(-1)


    def test_type_error_inside():
        assert add(1, "a") == 2


    def test_type_error_call():
        assert add(1, 2, 3) == 6


    def test_name_error():
        assert foo(1) == 2


    def test_attribute_error():
        assert Box(1).w == 1


    def test_fixture_missing(tmp_thing):
        assert tmp_thing


    def test_did_not_raise():
        with pytest.raises(ValueError):
            add(1, 1)


    class TestCalc(unittest.TestCase):
        def test_add(self):
            self.assertEqual(add(1, 2), 4)
"""


def execute(root: Path, test_file: str) -> dict:
    request = {"project_dir": str(root), "target_file": "src/calc/ops.py", "test_file": test_file,
               "framework": "auto", "timeout_seconds": 60}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    return reply


def failures(tmp_path: Path) -> dict[str, dict]:
    root = write_files(tmp_path, {"src/calc/__init__.py": "", "src/calc/ops.py": OPS, "tests/test_ops.py": SUITE})
    reply = execute(root, "tests/test_ops.py")
    assert reply["status"] == "failed"
    return {test["name"]: test["failure"] for test in reply["tests"]}


def test_each_failure_is_structured(tmp_path):
    found = failures(tmp_path)

    mismatch = found["test_int_mismatch"]
    assert mismatch["node_id"] == "tests/test_ops.py::test_int_mismatch"
    assert (mismatch["exception_type"], mismatch["phase"], mismatch["raised_in"]) == ("AssertionError", "call", "test")
    assert mismatch["test_line"] == 9
    assert mismatch["frames"][-1] == {"file": "tests/test_ops.py", "line": 9, "function": "test_int_mismatch",
                                      "source": "assert add(1, 2) == 4", "kind": "test"}
    assert mismatch["assertion"] == {"op": "==", "left": "3", "right": "4", "style": "pytest",
                                     "expected_side": "right", "observed": "3", "close": False}
    assert found["test_literal_left"]["assertion"]["expected_side"] == "left"
    assert found["test_literal_left"]["assertion"]["observed"] == "3"
    assert found["test_str_mismatch"]["assertion"]["observed"] == "'ab'"
    assert found["test_dict_mismatch"]["assertion"]["observed"] == "{'n': 3}"
    boxed = found["test_object_mismatch"]["assertion"]
    assert boxed["expected_side"] == "right" and boxed["observed"] is None and "Box object" in boxed["left"]
    greater = found["test_greater"]["assertion"]
    assert greater["op"] == ">" and greater["expected_side"] is None and greater["observed"] is None


def test_exceptions_carry_qualified_types_and_where_they_were_raised(tmp_path):
    found = failures(tmp_path)

    zero = found["test_zero_division"]
    assert (zero["exception_type"], zero["exception_module"], zero["raised_in"]) == (
        "ZeroDivisionError", "builtins", "target")
    assert [(f["kind"], f["function"]) for f in zero["frames"]] == [("test", "test_zero_division"), ("target", "div")]
    assert zero["frames"][-1]["file"] == "src/calc/ops.py" and zero["frames"][-1]["source"] == "return a / b"
    assert zero["test_line"] == 33 and zero["assertion"] is None
    custom = found["test_custom_exception"]
    assert (custom["exception_type"], custom["exception_name"], custom["exception_module"]) == (
        "calc.ops.InvalidAmount", "InvalidAmount", "calc.ops")
    assert custom["message"] == "amount must be positive" and custom["raised_in"] == "target"
    assert found["test_type_error_inside"]["raised_in"] == "target"
    assert not found["test_type_error_inside"]["call_mismatch"]
    call = found["test_type_error_call"]
    assert call["raised_in"] == "test" and call["call_mismatch"]
    assert found["test_name_error"]["missing_name"] == "foo"
    assert found["test_attribute_error"]["raised_in"] == "test"
    fixture = found["test_fixture_missing"]
    assert (fixture["fixture"], fixture["phase"]) == ("tmp_thing", "setup")
    assert found["test_did_not_raise"]["did_not_raise"]
    unit = found["test_add"]
    assert unit["assertion"] == {"op": "==", "left": "3", "right": "4", "style": "unittest",
                                 "expected_side": "right", "observed": "3", "close": False}
    assert unit["node_id"] == "tests/test_ops.py::TestCalc::test_add" and unit["raised_in"] == "library"


def test_collection_failures_name_the_missing_module_or_name_and_the_line(tmp_path):
    root = write_files(tmp_path, {
        "src/calc/__init__.py": "", "src/calc/ops.py": OPS,
        "tests/test_module.py": "import json\nfrom ops import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n",
        "tests/test_name.py": "from calc.ops import add\nfrom calc.ops import add, mul\n\n\ndef test_a():\n    pass\n",
        "tests/test_syntax.py": "import json\n\n\ndef test_x(:\n    pass\n",
    })

    module = execute(root, "tests/test_module.py")["collection_failures"][0]
    name = execute(root, "tests/test_name.py")["collection_failures"][0]
    syntax = execute(root, "tests/test_syntax.py")["collection_failures"][0]

    assert (module["exception_type"], module["missing_module"], module["test_line"]) == ("ModuleNotFoundError", "ops", 2)
    assert (module["phase"], module["node_id"]) == ("collect", "tests/test_module.py")
    assert (name["exception_type"], name["missing_name"], name["imported_from"]) == ("ImportError", "mul", "calc.ops")
    assert name["test_line"] == 2
    assert (syntax["exception_type"], syntax["test_line"]) == ("SyntaxError", 4)
