using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Tests.Repairs;

public class RepairTests
{
    private static readonly RepairContext Context = new()
    {
        SuiteFile = "tests/test_ops.py",
        TargetFile = "src/calc/ops.py",
        TargetModule = "calc.ops",
        TargetSource = "class InvalidAmount(ValueError):\n    pass\n\n\ndef add(a, b):\n    return a + b\n\n\nLIMIT = 3\n",
        ProjectModules = ["calc", "calc.ops", "calc.util", "tests.conftest"],
    };

    private static Failure Mismatch(string name, int line, string left, string right, bool unittest = false) => new()
    {
        TestId = $"tests/test_ops.py::{name}",
        PatchName = name,
        Category = FailureCategories.AssertionMismatch,
        ErrorType = "AssertionError",
        SuiteLine = line,
        Comparison = new AssertionComparison(left, right, unittest),
    };

    [Theory]
    [InlineData("def test_a():\n    assert add(1, 2) == 4\n", "3", "4", "def test_a():\n    assert add(1, 2) == 3")]
    [InlineData("def test_a():\n    assert 4 == add(1, 2), 'sum'\n", "4", "3", "def test_a():\n    assert 3 == add(1, 2), 'sum'")]
    [InlineData("def test_a():\n    result = add('a', 'b')\n    assert result == \"ab \"\n", "'ab'", "'ab '", "def test_a():\n    result = add('a', 'b')\n    assert result == 'ab'")]
    [InlineData("def test_a():\n    assert add(1, 2) == {\n        'n': 4,\n    }\n", "{'n': 3}", "{'n': 4}", "def test_a():\n    assert add(1, 2) == {'n': 3}")]
    public void AssertionValueRepair_writes_the_observed_value(string suite, string left, string right, string expected)
    {
        var function = FunctionLocation.Find(suite, "test_a")!;
        var line = function.Body.Last(l => !l.IsBlank).StartLine;

        var attempt = AssertionValueRepair.TryRepair(Mismatch("test_a", line, left, right), function);

        attempt.Repaired.ShouldBeTrue(attempt.Detail);
        attempt.FunctionCode.ShouldBe(expected);
    }

    [Fact]
    public void AssertionValueRepair_does_not_touch_a_look_alike_when_the_failing_line_is_elsewhere()
    {
        const string suite = "def check(x):\n    assert x == 4\n\n\ndef test_a():\n    check(add(1, 2))\n    assert add(1, 1) == 2\n";

        var attempt = AssertionValueRepair.TryRepair(Mismatch("test_a", 2, "3", "4"), FunctionLocation.Find(suite, "test_a")!);

        attempt.Repaired.ShouldBeFalse();
    }

    [Fact]
    public void AssertionValueRepair_without_a_line_uses_the_only_equality_assertion()
    {
        const string suite = "def test_a():\n    value = add(1, 2)\n    assert value == 4\n";

        var attempt = AssertionValueRepair.TryRepair(Mismatch("test_a", 0, "3", "4") with { SuiteLine = null }, FunctionLocation.Find(suite, "test_a")!);

        attempt.FunctionCode.ShouldBe("def test_a():\n    value = add(1, 2)\n    assert value == 3");
    }

    [Fact]
    public void AssertionValueRepair_handles_unittest_assertEqual()
    {
        const string suite = "class TestCalc(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(add(1, 2), 4, 'sum')\n";
        var function = FunctionLocation.Find(suite, "TestCalc.test_a")!;

        var attempt = AssertionValueRepair.TryRepair(Mismatch("TestCalc.test_a", 3, "3", "4", unittest: true), function);

        attempt.FunctionCode.ShouldBe("    def test_a(self):\n        self.assertEqual(add(1, 2), 3, 'sum')");
    }

    [Theory]
    [InlineData("def test_a():\n    assert add(1, 2) == expected\n", "3", "4", "does not compare a call with one literal")]
    [InlineData("def test_a():\n    assert add(1, 2) == 4\n", "<calc.Box object at 0x7f>", "4", "cannot be written as a literal")]
    [InlineData("def test_a():\n    assert add(1, 2) == 4\n", "'aaaaaaaaaa...aaaaaaa'", "4", "cannot be written as a literal")]
    [InlineData("def test_a():\n    assert add(1, 2) > 4\n", "3", "4", "not a single `==` comparison")]
    public void AssertionValueRepair_refuses_what_it_cannot_re_observe(string suite, string left, string right, string reason)
    {
        var function = FunctionLocation.Find(suite, "test_a")!;

        var attempt = AssertionValueRepair.TryRepair(Mismatch("test_a", 2, left, right), function);

        attempt.Repaired.ShouldBeFalse();
        attempt.Detail.ShouldContain(reason);
    }

    private static Failure Raised(string name, int line, string type) => new()
    {
        TestId = $"tests/test_ops.py::{name}",
        PatchName = name,
        Category = FailureCategories.ExceptionRaised,
        ErrorType = type,
        Origin = FailureOrigin.CodeUnderTest,
        SuiteLine = line,
    };

    [Theory]
    [InlineData("def test_a():\n    assert div(1, 0) == 0\n", 2, "ZeroDivisionError", "def test_a():\n    with pytest.raises(ZeroDivisionError):\n        div(1, 0)")]
    [InlineData("def test_a():\n    x = div(1, 0)\n    assert x == 0\n", 2, "ZeroDivisionError", "def test_a():\n    with pytest.raises(ZeroDivisionError):\n        div(1, 0)")]
    [InlineData("def test_a():\n    pay(\n        -1)\n", 2, "InvalidAmount", "def test_a():\n    with pytest.raises(InvalidAmount):\n        pay(\n            -1)")]
    public void ExpectedExceptionRepair_wraps_the_raising_call(string suite, int line, string type, string expected)
    {
        var function = FunctionLocation.Find(suite, "test_a")!;

        var attempt = ExpectedExceptionRepair.TryRepair(Raised("test_a", line, type), function, suite, Context);

        attempt.Repaired.ShouldBeTrue(attempt.Detail);
        attempt.FunctionCode.ShouldBe(expected);
        attempt.Imports.ShouldContain("import pytest");
        if (type == "InvalidAmount")
            attempt.Imports.ShouldContain("from calc.ops import InvalidAmount");
    }

    [Fact]
    public void ExpectedExceptionRepair_uses_assertRaises_in_a_unittest_class()
    {
        const string suite = "import unittest\n\nclass TestCalc(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(div(1, 0), 0)\n";
        var function = FunctionLocation.Find(suite, "TestCalc.test_a")!;

        var attempt = ExpectedExceptionRepair.TryRepair(Raised("TestCalc.test_a", 5, "ZeroDivisionError"), function, suite, Context);

        attempt.FunctionCode.ShouldBe("    def test_a(self):\n        with self.assertRaises(ZeroDivisionError):\n            div(1, 0)");
        attempt.Imports.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(FailureOrigin.Test, "ZeroDivisionError", "not raised by the code under test")]
    [InlineData(FailureOrigin.CodeUnderTest, "SomethingElse", "cannot be imported")]
    public void ExpectedExceptionRepair_refuses_exceptions_it_cannot_expect(FailureOrigin origin, string type, string reason)
    {
        const string suite = "def test_a():\n    assert div(1, 0) == 0\n";

        var attempt = ExpectedExceptionRepair.TryRepair(Raised("test_a", 2, type) with { Origin = origin }, FunctionLocation.Find(suite, "test_a")!, suite, Context);

        attempt.Repaired.ShouldBeFalse();
        attempt.Detail.ShouldContain(reason);
    }

    [Theory]
    [InlineData("ops", "calc.ops")]
    [InlineData("src.calc.ops", "calc.ops")]
    [InlineData("util", "calc.util")]
    [InlineData("calc.opz", null)]
    [InlineData("requests", null)]
    public void ModuleResolver_finds_the_module_meant(string imported, string? expected)
    {
        ModuleResolver.Resolve(imported, Context).ShouldBe(expected);
    }

    private static Failure ImportFailure(string? module = null, string? name = null, string? from = null) => new()
    {
        TestId = "tests/test_ops.py", Category = FailureCategories.ImportError, MissingModule = module, MissingName = name, ImportedFrom = from,
    };

    [Theory]
    [InlineData("from ops import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n", "ops", "from calc.ops import add\n\n\ndef test_a():\n    assert add(1, 1) == 2\n")]
    [InlineData("import ops\n\n\ndef test_a():\n    assert ops.add(1, 1) == 2\n", "ops", "import calc.ops as ops\n\n\ndef test_a():\n    assert ops.add(1, 1) == 2\n")]
    [InlineData("import json\nfrom nowhere import thing\n\n\ndef test_a():\n    assert thing\n", "nowhere", "import json\n\n\ndef test_a():\n    assert thing\n")]
    public void ImportPathRepair_rewrites_or_removes_wrong_imports(string suite, string missing, string expected)
    {
        var (source, attempt) = ImportPathRepair.Apply(suite, ImportFailure(module: missing), Context);

        attempt.Repaired.ShouldBeTrue();
        source.ShouldBe(expected);
    }

    [Fact]
    public void ImportPathRepair_drops_a_name_the_module_lacks_or_imports_it_from_the_target()
    {
        var (dropped, _) = ImportPathRepair.Apply("from calc.ops import add, mul\n", ImportFailure(name: "mul", from: "calc.ops"), Context);
        var (moved, attempt) = ImportPathRepair.Apply("from calc.util import add, LIMIT\n", ImportFailure(name: "LIMIT", from: "calc.util"), Context);

        dropped.ShouldBe("from calc.ops import add\n");
        moved.ShouldBe("from calc.util import add\n");
        attempt.Imports.ShouldBe(["from calc.ops import LIMIT"]);
    }

    [Fact]
    public void ImportPathRepair_leaves_imports_the_code_under_test_makes()
    {
        var (source, attempt) = ImportPathRepair.Apply("from calc.ops import add\n", ImportFailure(module: "requests"), Context);

        attempt.Repaired.ShouldBeFalse();
        source.ShouldBe("from calc.ops import add\n");
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("LIMIT", true)]
    [InlineData("InvalidAmount", true)]
    [InlineData("mul", false)]
    public void MissingNameImportRepair_imports_names_the_target_defines(string name, bool repaired)
    {
        var failure = new Failure { TestId = "t", PatchName = "t", Category = FailureCategories.NameError, MissingName = name };

        var attempt = MissingNameImportRepair.TryRepair(failure, Context);

        attempt.Repaired.ShouldBe(repaired);
        if (repaired)
            attempt.Imports.ShouldBe([$"from calc.ops import {name}"]);
    }

    [Fact]
    public void RepairPlanner_leaves_parametrized_tests_and_unrepairable_ones_with_a_reason()
    {
        const string suite = "def test_p(x):\n    assert add(x, 1) == 4\n\n\ndef test_f(tmp_thing):\n    assert tmp_thing\n\n\ndef test_ok():\n    assert add(1, 2) == 4\n";
        Failure[] failures =
        [
            Mismatch("test_p", 2, "3", "4") with { TestId = "tests/test_ops.py::test_p[2]" },
            Mismatch("test_p", 2, "5", "4") with { TestId = "tests/test_ops.py::test_p[4]" },
            new() { TestId = "tests/test_ops.py::test_f", PatchName = "test_f", Category = FailureCategories.FixtureMissing, MissingName = "tmp_thing" },
            Mismatch("test_ok", 10, "3", "4"),
        ];

        var plan = new RepairPlanner().Plan(suite, failures, Context);

        plan.Attempts["tests/test_ops.py::test_p[2]"].Detail.ShouldContain("parametrized");
        plan.Attempts["tests/test_ops.py::test_f"].Detail.ShouldContain("fixture 'tmp_thing' does not exist");
        plan.Attempts["tests/test_ops.py::test_ok"].Repaired.ShouldBeTrue();
        plan.Rewrites.ShouldHaveSingleItem().ShouldBe(new FunctionRewrite("test_ok", "def test_ok():\n    assert add(1, 2) == 3"));
    }
}
