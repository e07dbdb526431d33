using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Tests.Classification;

/// <summary>
/// Failures exactly as the harness's <c>execute</c> reported them for small failing tests
/// (pytest 7.2, Python 3.11, a <c>src/calc/ops.py</c> target), keyed by a short name.
/// </summary>
public static class RealFailures
{
    public const string SuiteFile = "tests/test_ops.py";

    private static readonly Dictionary<string, (string Type, string Message, string Traceback)> Reported = new()
    {
        ["int-mismatch"] = ("AssertionError", "assert 3 == 4\n +  where 3 = add(1, 2)",
            "  File \"tests/test_ops.py\", line 5, in test_add\n    assert add(1, 2) == 4\nAssertionError: assert 3 == 4\n +  where 3 = add(1, 2)"),
        ["str-mismatch"] = ("AssertionError", "assert 'ab' == 'ab '\n  - ab \n  ?   -\n  + ab",
            "  File \"tests/test_ops.py\", line 8, in test_add_str\n    assert add(\"a\", \"b\") == \"ab \"\nAssertionError: assert 'ab' == 'ab '\n  - ab \n  ?   -\n  + ab"),
        ["dict-mismatch"] = ("AssertionError", "assert {'n': 3} == {'n': 4}\n  Differing items:\n  {'n': 3} != {'n': 4}\n  Use -v to get more diff",
            "  File \"tests/test_ops.py\", line 11, in test_dict\n    assert name(3) == {\"n\": 4}\nAssertionError: assert {'n': 3} == {'n': 4}"),
        ["zero-division"] = ("ZeroDivisionError", "division by zero",
            "  File \"tests/test_ops.py\", line 14, in test_div\n    assert div(1, 0) == 0\n  File \"src/calc/ops.py\", line 5, in div\n    return a / b\n           ~~^~~\nZeroDivisionError: division by zero"),
        ["name-error"] = ("NameError", "name 'foo' is not defined",
            "  File \"tests/test_ops.py\", line 17, in test_undefined\n    assert foo(1) == 2\nNameError: name 'foo' is not defined"),
        ["attribute-error"] = ("AttributeError", "'Box' object has no attribute 'w'",
            "  File \"tests/test_ops.py\", line 20, in test_attr\n    assert Box(1).w == 1\nAttributeError: 'Box' object has no attribute 'w'"),
        ["fixture-missing"] = ("FixtureLookupError", "fixture 'tmp_thing' not found", "FixtureLookupError: fixture 'tmp_thing' not found"),
        ["type-error-inside"] = ("TypeError", "unsupported operand type(s) for +: 'int' and 'str'",
            "  File \"tests/test_ops.py\", line 26, in test_type\n    assert add(1, \"a\") == 2\n  File \"src/calc/ops.py\", line 2, in add\n    return a + b\n           ~~^~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ["type-error-call"] = ("TypeError", "add() takes 2 positional arguments but 3 were given",
            "  File \"tests/test_ops.py\", line 30, in test_args\n    assert add(1, 2, 3) == 6\nTypeError: add() takes 2 positional arguments but 3 were given"),
        ["float-mismatch"] = ("AssertionError", "assert 0.3333333333333333 == 0.3\n +  where 0.3333333333333333 = div(1, 3)",
            "  File \"tests/test_ops.py\", line 29, in test_float\n    assert div(1, 3) == 0.3\nAssertionError: assert 0.3333333333333333 == 0.3"),
        ["greater"] = ("AssertionError", "assert 0 > 1\n +  where 0 = add(0, 0)",
            "  File \"tests/test_ops.py\", line 40, in test_gt\n    assert add(0, 0) > 1\nAssertionError: assert 0 > 1"),
        ["unittest-mismatch"] = ("AssertionError", "3 != 4",
            "  File \"tests/test_ops.py\", line 9, in test_add\n    self.assertEqual(add(1, 2), 4)\nAssertionError: 3 != 4"),
        ["did-not-raise"] = ("Failed", "DID NOT RAISE <class 'ValueError'>",
            "  File \"tests/test_ops.py\", line 44, in test_raises\n    with pytest.raises(ValueError):\nFailed: DID NOT RAISE <class 'ValueError'>"),
        ["timeout"] = ("Timeout", "the run reached its time limit (5 s) in this test", ""),
        ["key-error-in-test"] = ("KeyError", "'x'",
            "  File \"tests/test_ops.py\", line 50, in test_key\n    assert {}['x'] == 1\nKeyError: 'x'"),
        ["custom-exception"] = ("InvalidAmount", "amount must be positive",
            "  File \"tests/test_ops.py\", line 12, in test_pay\n    pay(-1)\n  File \"src/calc/ops.py\", line 20, in pay\n    raise InvalidAmount(\"amount must be positive\")\nInvalidAmount: amount must be positive"),
    };

    public static TestOutcome Outcome(string key, string name = "test_x", string outcome = "failed")
    {
        var (type, message, traceback) = Reported[key];
        return new TestOutcome
        {
            Id = $"{SuiteFile}::{name}", Name = name, Outcome = outcome,
            ErrorType = type, Message = message, Traceback = traceback,
        };
    }

    public const string ImportCollectionError =
        "tests/test_imp.py: ImportError while importing test module '/tmp/fx/tests/test_imp.py'.\n" +
        "Hint: make sure your test modules/packages have valid Python names.\nTraceback:\n" +
        "/usr/lib/python3.11/importlib/__init__.py:126: in import_module\n    return _bootstrap._gcd_import(name[level:], package, level)\n" +
        "tests/test_imp.py:1: in <module>\n    from ops import add\nE   ModuleNotFoundError: No module named 'ops'";

    public const string CannotImportCollectionError =
        "tests/test_imp.py: ImportError while importing test module '/tmp/fx/tests/test_imp.py'.\nTraceback:\n" +
        "tests/test_imp.py:2: in <module>\n    from calc.ops import add, mul\n" +
        "E   ImportError: cannot import name 'mul' from 'calc.ops' (/tmp/fx/src/calc/ops.py)";

    public const string SyntaxCollectionError =
        "tests/test_imp.py: /tmp/fx/tests/test_imp.py:3: in <module>\nE     File \"/tmp/fx/tests/test_imp.py\", line 3\n" +
        "E       def test_x(:\nE                  ^\nE   SyntaxError: invalid syntax";
}
