using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Tests.Classification;

/// <summary>
/// Failures as the harness's <c>execute</c> reports them for small failing tests (pytest 7.2, Python 3.11, a
/// <c>src/calc/ops.py</c> target), keyed by a short name: the structured data its own tests check on the same
/// suites (harness/tests/test_execute_failures.py).
/// </summary>
public static class RealFailures
{
    public const string SuiteFile = "tests/test_ops.py";

    private static FailureFrame Test(int line, string source) => new() { File = SuiteFile, Line = line, Function = "test_x", Source = source, Kind = FrameKinds.Test };

    private static FailureFrame Target(int line, string function, string source) =>
        new() { File = "src/calc/ops.py", Line = line, Function = function, Source = source, Kind = FrameKinds.Target };

    private static AssertionOperands Equal(string left, string right, string? side, string? observed, string style = "pytest") =>
        new() { Op = "==", Left = left, Right = right, Style = style, ExpectedSide = side, Observed = observed };

    private static TestFailure Raised(string type, string message, params FailureFrame[] frames) => new()
    {
        ExceptionType = type, ExceptionName = type.Split('.')[^1], ExceptionModule = type.Contains('.') ? type[..type.LastIndexOf('.')] : "builtins",
        Message = message, Frames = frames, RaisedIn = frames.Length == 0 ? null : frames[^1].Kind,
        TestLine = frames.LastOrDefault(f => f.Kind == FrameKinds.Test)?.Line,
    };

    private static readonly Dictionary<string, TestFailure> Reported = new()
    {
        ["int-mismatch"] = Raised("AssertionError", "assert 3 == 4\n +  where 3 = add(1, 2)", Test(5, "assert add(1, 2) == 4"))
            with { Assertion = Equal("3", "4", "right", "3"), TestFunctionLine = 4 },
        ["str-mismatch"] = Raised("AssertionError", "assert 'ab' == 'ab '", Test(8, "assert add(\"a\", \"b\") == \"ab \""))
            with { Assertion = Equal("'ab'", "'ab '", "right", "'ab'") },
        ["dict-mismatch"] = Raised("AssertionError", "assert {'n': 3} == {'n': 4}", Test(11, "assert name(3) == {\"n\": 4}"))
            with { Assertion = Equal("{'n': 3}", "{'n': 4}", "right", "{'n': 3}") },
        ["object-mismatch"] = Raised("AssertionError", "assert <calc.ops.Box object at 0x7f> == 4", Test(12, "assert Box(1) == 4"))
            with { Assertion = Equal("<calc.ops.Box object at 0x7f>", "4", "right", null) },
        ["both-computed"] = Raised("AssertionError", "assert 3 == 4", Test(13, "assert add(1, 2) == expected"))
            with { Assertion = Equal("3", "4", null, null) },
        ["zero-division"] = Raised("ZeroDivisionError", "division by zero", Test(14, "assert div(1, 0) == 0"), Target(5, "div", "return a / b"))
            with { RaisedOnPurpose = false, TargetFunction = "div", TargetCall = "div(1, 0)", TestFunctionLine = 13, CallFitsHints = true },
        ["zero-division-unhinted"] = Raised("ZeroDivisionError", "division by zero", Test(14, "assert div(1, 0) == 0"), Target(5, "div", "return a / b"))
            with { RaisedOnPurpose = false, TargetFunction = "div", TargetCall = "div(1, 0)", TestFunctionLine = 13 },
        ["name-error"] = Raised("NameError", "name 'foo' is not defined", Test(17, "assert foo(1) == 2")) with { MissingName = "foo" },
        ["attribute-error"] = Raised("AttributeError", "'Box' object has no attribute 'w'", Test(20, "assert Box(1).w == 1")),
        ["fixture-missing"] = Raised("FixtureLookupError", "fixture 'tmp_thing' not found") with { Phase = "setup", Fixture = "tmp_thing" },
        ["type-error-inside"] = Raised("TypeError", "unsupported operand type(s) for +: 'int' and 'str'",
            Test(26, "assert add(1, \"a\") == 2"), Target(2, "add", "return a + b")) with { RaisedOnPurpose = false, TargetFunction = "add" },
        ["type-error-hinted"] = Raised("TypeError", "can only concatenate str (not \"int\") to str",
            Test(27, "assert describe(2) == \"count: 2\""), Target(26, "describe", "return \"count: \" + count"))
            with { RaisedOnPurpose = false, TargetFunction = "describe", TargetCall = "describe(2)", CallFitsHints = true },
        ["misuse"] = Raised("AttributeError", "'int' object has no attribute 'upper'", Test(28, "assert shout(3) == \"3\""),
            Target(40, "shout", "return text.upper()")) with { RaisedOnPurpose = false, TargetFunction = "shout", CallFitsHints = false },
        ["value-error-python"] = Raised("ValueError", "invalid literal for int() with base 10: 'x'", Test(29, "assert parse(\"x\") == 0"),
            Target(36, "parse", "return int(text)")) with { RaisedOnPurpose = false, TargetFunction = "parse", CallFitsHints = true },
        ["wrong-exception"] = Raised("calc.ops.InvalidAmount", "amount must be positive", Test(31, "pay(-1)"),
            Target(20, "pay", "raise InvalidAmount(\"amount must be positive\")")) with { RaisedOnPurpose = true, ExpectedException = "TypeError" },
        ["wrong-exception-python"] = Raised("ZeroDivisionError", "division by zero", Test(33, "div(1, 0)"), Target(5, "div", "return a / b"))
            with { RaisedOnPurpose = false, ExpectedException = "ValueError" },
        ["float-close"] = Raised("AssertionError", "assert 0.30000000000000004 == 0.3", Test(35, "assert total(0.1, 0.2) == 0.3"))
            with { Assertion = Equal("0.30000000000000004", "0.3", "right", "0.30000000000000004") with { Close = true } },
        ["django-settings"] = Raised("django.core.exceptions.ImproperlyConfigured", "Requested setting DEBUG, but settings are not configured.",
            Test(37, "assert debug_mode() is False"), Target(56, "debug_mode", "return bool(settings.DEBUG)"),
            new FailureFrame { File = "/usr/lib/python3/dist-packages/django/conf/__init__.py", Line = 63, Function = "_setup", Kind = FrameKinds.Library })
            with { RaisedOnPurpose = false },
        ["database-blocked"] = Raised("RuntimeError", "Database access not allowed, use the \"django_db\" mark", Test(39, "assert count_orders() == 0"),
            new FailureFrame { File = "/usr/lib/python3/dist-packages/pytest_django/plugin.py", Line = 500, Function = "_blocking_wrapper", Kind = FrameKinds.Library })
            with { DatabaseBlocked = true },
        ["import-cycle"] = Raised("ImportError", "cannot import name 'A' from partially initialized module 'shop.cycle_a'", Test(41, "from shop.cycle_a import A"),
            new FailureFrame { File = "src/shop/cycle_b.py", Line = 1, Function = "<module>", Kind = FrameKinds.Project })
            with { MissingName = "A", ImportedFrom = "shop.cycle_a", ImportCycle = true },
        ["recursion"] = Raised("RecursionError", "maximum recursion depth exceeded", Test(43, "assert depth(0) == 0"), Target(48, "depth", "return depth(n + 1)"))
            with { RaisedOnPurpose = false, TargetFunction = "depth", CallFitsHints = true },
        ["file-missing"] = Raised("FileNotFoundError", "[Errno 2] No such file or directory: 'no-such-file.txt'", Test(45, "with open(\"no-such-file.txt\") as handle:")),
        ["unicode-in-test"] = Raised("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xff in position 0", Test(47, "assert b\"\\xff\".decode(\"utf-8\") == \"?\"")),
        ["fixture-error"] = Raised("RuntimeError", "no cart today", Test(9, "raise RuntimeError(\"no cart today\")")) with { Phase = "setup" },
        ["type-error-call"] = Raised("TypeError", "add() takes 2 positional arguments but 3 were given", Test(30, "assert add(1, 2, 3) == 6"))
            with { CallMismatch = true },
        ["unexpected-keyword"] = Raised("TypeError", "pay() got an unexpected keyword argument 'tip'", Test(32, "assert pay(amount=1, tip=2) == 3"))
            with { CallMismatch = true },
        ["float-mismatch"] = Raised("AssertionError", "assert 0.3333333333333333 == 0.3", Test(29, "assert div(1, 3) == 0.3"))
            with { Assertion = Equal("0.3333333333333333", "0.3", "right", "0.3333333333333333") },
        ["greater"] = Raised("AssertionError", "assert 0 > 1\n +  where 0 = add(0, 0)", Test(40, "assert add(0, 0) > 1"))
            with { Assertion = new AssertionOperands { Op = ">", Left = "0", Right = "1" } },
        ["unittest-mismatch"] = Raised("AssertionError", "3 != 4", Test(9, "self.assertEqual(add(1, 2), 4)"),
            new FailureFrame { File = "/usr/lib/python3.11/unittest/case.py", Line = 873, Function = "assertEqual", Kind = FrameKinds.Library })
            with { Assertion = Equal("3", "4", "right", "3", "unittest") },
        ["did-not-raise"] = Raised("Failed", "DID NOT RAISE <class 'ValueError'>", Test(44, "with pytest.raises(ValueError):"))
            with { ExceptionType = "_pytest.outcomes.Failed", ExceptionModule = "_pytest.outcomes", DidNotRaise = true },
        ["timeout"] = Raised("Timeout", "the run reached its time limit (5 s) in this test") with { ExceptionModule = null },
        ["key-error-in-test"] = Raised("KeyError", "'x'", Test(50, "assert {}['x'] == 1")),
        ["library-from-test"] = Raised("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", Test(52, "json.loads('x')"),
            new FailureFrame { File = "/usr/lib/python3.11/json/decoder.py", Line = 355, Function = "raw_decode", Kind = FrameKinds.Library })
            with { ExceptionType = "json.decoder.JSONDecodeError", ExceptionModule = "json.decoder" },
        ["custom-exception"] = Raised("calc.ops.InvalidAmount", "amount must be positive", Test(12, "pay(-1)"),
            Target(20, "pay", "raise InvalidAmount(\"amount must be positive\")")) with { RaisedOnPurpose = true, TargetFunction = "pay" },
    };

    public static TestOutcome Outcome(string key, string name = "test_x", string outcome = "failed")
    {
        var failure = Reported[key] with { NodeId = $"{SuiteFile}::{name}" };
        return new TestOutcome
        {
            Id = $"{SuiteFile}::{name}", Name = name, Outcome = outcome,
            ErrorType = failure.ExceptionName, Message = failure.Message, Failure = failure,
        };
    }

    private static ExecutionReport NotLoaded(TestFailure failure) => new()
    {
        Status = "error",
        TestError = $"tests/test_imp.py: {failure.ExceptionName}: {failure.Message}",
        CollectionFailures = [failure with { NodeId = "tests/test_imp.py", Phase = "collect" }],
    };

    public static readonly ExecutionReport ImportCollectionError = NotLoaded(
        Raised("ModuleNotFoundError", "No module named 'ops'", new FailureFrame { File = "tests/test_imp.py", Line = 1, Function = "<module>", Source = "from ops import add", Kind = FrameKinds.Test })
            with { MissingModule = "ops" });

    public static readonly ExecutionReport CannotImportCollectionError = NotLoaded(
        Raised("ImportError", "cannot import name 'mul' from 'calc.ops' (/tmp/fx/src/calc/ops.py)",
                new FailureFrame { File = "tests/test_imp.py", Line = 2, Function = "<module>", Source = "from calc.ops import add, mul", Kind = FrameKinds.Test })
            with { MissingName = "mul", ImportedFrom = "calc.ops" });

    public static readonly ExecutionReport SyntaxCollectionError = NotLoaded(
        Raised("SyntaxError", "invalid syntax (test_imp.py, line 3)") with { TestLine = 3 });
}
