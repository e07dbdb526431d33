using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Fixer.Tests.Classification;
using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Tests.Repairs;

/// <summary>Which harness edit the planner asks for, from the structured failures; the edits themselves are tested in the harness.</summary>
public class RepairPlannerTests
{
    private static readonly RepairScope Scope = new("/work/project", "src/calc/ops.py", "tests/test_ops.py");
    private static readonly FailureClassifier Classifier = new();
    private readonly RepairPlanner _planner = new();

    private static Failure Classified(string key, string name = "test_x") => Classifier.Classify(RealFailures.Outcome(key, name), RealFailures.SuiteFile);

    private RepairPlan Plan(params Failure[] failures) => _planner.Plan(failures, Scope);

    [Theory]
    [InlineData("int-mismatch", 5, "3")]
    [InlineData("str-mismatch", 8, "'ab'")]
    [InlineData("dict-mismatch", 11, "{'n': 3}")]
    [InlineData("float-mismatch", 29, "0.3333333333333333")]
    [InlineData("unittest-mismatch", 9, "3")]
    public void A_mismatch_with_an_observed_literal_replaces_the_expected_value(string key, int line, string value)
    {
        var edit = Plan(Classified(key)).Edits.ShouldHaveSingleItem();

        edit.Edit.ShouldBe(new PatchEdit("replace_expected") { Name = "test_x", Line = line, Value = value });
        edit.Tests.ShouldBe(["tests/test_ops.py::test_x"]);
    }

    [Theory]
    [InlineData("object-mismatch", "the observed value `<calc.ops.Box object at 0x7f>` cannot be written as a literal")]
    [InlineData("both-computed", "line 13 does not compare a call with one literal expected value")]
    [InlineData("greater", "the assertion is not an `x == literal` comparison that can be re-observed")]
    public void A_mismatch_that_cannot_be_re_observed_is_refused_with_the_reason(string key, string reason)
    {
        var plan = Plan(Classified(key));

        plan.Edits.ShouldBeEmpty();
        plan.Refused["tests/test_ops.py::test_x"].ShouldBe(RepairAttempt.Failed(reason));
    }

    [Theory]
    [InlineData("zero-division", 14, "ZeroDivisionError", "builtins")]
    [InlineData("custom-exception", 12, "calc.ops.InvalidAmount", "calc.ops")]
    [InlineData("type-error-inside", 26, "TypeError", "builtins")]
    public void An_exception_of_the_code_under_test_becomes_the_expectation(string key, int line, string type, string module)
    {
        Plan(Classified(key)).Edits.ShouldHaveSingleItem().Edit
            .ShouldBe(new PatchEdit("expect_raises") { Name = "test_x", Line = line, Exception = type, ExceptionModule = module });
    }

    [Theory]
    [InlineData("key-error-in-test", "the exception was not raised by the code under test")]
    [InlineData("library-from-test", "the exception was not raised by the code under test")]
    [InlineData("fixture-missing", "fixture 'tmp_thing' does not exist and no rule invents fixtures")]
    [InlineData("type-error-call", "the test calls the code with arguments it does not accept")]
    [InlineData("did-not-raise", "the code raised nothing where the test expected an exception")]
    [InlineData("timeout", "the test did not finish within the time limit")]
    public void What_no_rule_repairs_is_refused_with_the_reason(string key, string reason)
    {
        var plan = Plan(Classified(key));

        plan.Edits.ShouldBeEmpty();
        plan.Refused["tests/test_ops.py::test_x"].Detail.ShouldBe(reason);
    }

    [Fact]
    public void An_undefined_name_is_imported_from_the_target_when_it_defines_it()
    {
        Plan(Classified("name-error")).Edits.ShouldHaveSingleItem().Edit
            .ShouldBe(new PatchEdit("import_from_target") { Name = "foo", ProjectDir = Scope.ProjectDir, TargetFile = Scope.TargetFile });
    }

    [Fact]
    public void One_import_edit_serves_every_failure_of_the_same_missing_module_or_name()
    {
        var module = Classifier.ClassifyCollection(RealFailures.ImportCollectionError, "tests/test_imp.py");
        var name = Classifier.ClassifyCollection(RealFailures.CannotImportCollectionError, "tests/test_imp.py");

        var plan = Plan(module, module with { TestId = "tests/test_ops.py::test_y", PatchName = "test_y" }, name);

        plan.Edits.Count.ShouldBe(2);
        plan.Edits[0].Edit.ShouldBe(new PatchEdit("fix_import")
        {
            ProjectDir = Scope.ProjectDir, TargetFile = Scope.TargetFile, TestFile = Scope.SuiteFile, MissingModule = "ops",
        });
        plan.Edits[0].Tests.ShouldBe(["tests/test_imp.py", "tests/test_ops.py::test_y"]);
        plan.Edits[1].Edit.ShouldBe(new PatchEdit("fix_import")
        {
            ProjectDir = Scope.ProjectDir, TargetFile = Scope.TargetFile, TestFile = Scope.SuiteFile, MissingName = "mul", ImportedFrom = "calc.ops",
        });
    }

    [Fact]
    public void Parametrized_cases_of_one_function_get_no_edit()
    {
        var plan = Plan(Classified("int-mismatch", "test_p[2]") with { PatchName = "test_p" }, Classified("int-mismatch", "test_p[4]") with { PatchName = "test_p" },
            Classified("int-mismatch", "test_ok"));

        plan.Refused["tests/test_ops.py::test_p[2]"].Detail.ShouldContain("parametrized");
        plan.Edits.ShouldHaveSingleItem().Edit.Name.ShouldBe("test_ok");
    }
}
