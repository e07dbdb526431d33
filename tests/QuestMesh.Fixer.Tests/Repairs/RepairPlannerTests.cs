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
        plan.Refused["tests/test_ops.py::test_x"].ShouldBe(reason);
    }

    [Theory]
    [InlineData("custom-exception", 12, "calc.ops.InvalidAmount", "calc.ops")]
    [InlineData("value-error-python", 29, "ValueError", "builtins")]
    public void An_exception_of_the_code_under_test_becomes_the_expectation(string key, int line, string type, string module)
    {
        Plan(Classified(key)).Edits.ShouldHaveSingleItem().Edit
            .ShouldBe(new PatchEdit("expect_raises") { Name = "test_x", Line = line, Exception = type, ExceptionModule = module });
    }

    [Theory]
    [InlineData("key-error-in-test", "the test looks up a key or index its own data does not have")]
    [InlineData("library-from-test", "an exception the test itself raised")]
    [InlineData("zero-division", "Python raised it inside the target for a call that looks valid: a possible bug, not a test to repair")]
    [InlineData("type-error-inside", "the test gives the code a value of a type it cannot work with")]
    [InlineData("misuse", "the test calls the code with arguments its type hints rule out")]
    [InlineData("recursion", "the call recursed without end")]
    [InlineData("import-cycle", "the project's modules import each other in a cycle")]
    [InlineData("wrong-exception-python", "Python raised ZeroDivisionError inside the target, not one of its `raise` statements: expecting it would pin what may be a bug")]
    [InlineData("fixture-missing", "fixture 'tmp_thing' does not exist and no rule invents fixtures")]
    [InlineData("type-error-call", "the test calls the code with arguments it does not accept")]
    [InlineData("did-not-raise", "the code raised nothing where the test expected an exception")]
    [InlineData("timeout", "the test did not finish within the time limit")]
    public void What_no_rule_repairs_is_refused_with_the_reason(string key, string reason)
    {
        var plan = Plan(Classified(key));

        plan.Edits.ShouldBeEmpty();
        plan.Refused["tests/test_ops.py::test_x"].ShouldBe(reason);
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

        plan.Refused["tests/test_ops.py::test_p[2]"].ShouldContain("parametrized");
        plan.Edits.ShouldHaveSingleItem().Edit.Name.ShouldBe("test_ok");
    }

    [Fact]
    public void A_float_off_by_rounding_is_compared_approximately_first_and_re_observed_second()
    {
        var failure = Classified("float-close");

        var first = _planner.Next(failure, Scope, []);
        var second = _planner.Next(failure, Scope, [new TriedEdit("approx_expected", failure.Category, failure.LineInTest)]);
        var none = _planner.Next(failure, Scope, [new TriedEdit("approx_expected", failure.Category, failure.LineInTest), new TriedEdit("replace_expected", failure.Category, failure.LineInTest)]);

        first.Edit.ShouldBe(new PatchEdit("approx_expected") { Name = "test_x", Line = 35 });
        second.Edit.ShouldBe(new PatchEdit("replace_expected") { Name = "test_x", Line = 35, Value = "0.30000000000000004" });
        (none.Edit, none.Reason).ShouldBe((null, "no other rule applies: approx_expected, replace_expected did not hold"));
    }

    [Fact]
    public void An_edit_tried_on_another_failure_of_the_same_test_may_be_tried_again()
    {
        var failure = Classified("int-mismatch");

        _planner.Next(failure, Scope, [new TriedEdit("replace_expected", failure.Category, failure.LineInTest - 1)]).Edit.ShouldNotBeNull();
        _planner.Next(failure, Scope, [new TriedEdit("replace_expected", failure.Category, failure.LineInTest)]).Edit.ShouldBeNull();
    }

    [Fact]
    public void Another_exception_the_target_raises_on_purpose_replaces_the_expected_one()
    {
        Plan(Classified("wrong-exception")).Edits.ShouldHaveSingleItem().Edit
            .ShouldBe(new PatchEdit("replace_raises") { Name = "test_x", Line = 31, Exception = "calc.ops.InvalidAmount", ExceptionModule = "calc.ops" });
    }

    [Fact]
    public void An_undefined_name_the_target_does_not_define_is_tried_as_a_standard_module_next()
    {
        var failure = Classified("name-error");

        _planner.Next(failure, Scope, [new TriedEdit("import_from_target", failure.Category, failure.LineInTest)]).Edit
            .ShouldBe(new PatchEdit("import_module") { Name = "foo" });
    }

    [Fact]
    public void A_blocked_database_is_allowed_by_marking_the_test()
    {
        Plan(Classified("database-blocked")).Edits.ShouldHaveSingleItem().Edit.ShouldBe(new PatchEdit("mark_django_db") { Name = "test_x" });
    }

    [Fact]
    public void Settings_nobody_configured_are_configured_once_for_every_test_that_needs_them()
    {
        var plan = Plan(Classified("django-settings", "test_a"), Classified("django-settings", "test_b"));

        var edit = plan.Edits.ShouldHaveSingleItem();
        edit.Edit.ShouldBe(new PatchEdit("configure_django"));
        edit.ModuleLevel.ShouldBeTrue();
        edit.Tests.ShouldBe(["tests/test_ops.py::test_a", "tests/test_ops.py::test_b"]);
    }

    [Fact]
    public void A_module_level_edit_that_did_not_hold_is_not_made_again()
    {
        var failure = Classified("django-settings");

        var plan = _planner.Plan([failure], Scope, _ => [new TriedEdit("configure_django", failure.Category, failure.LineInTest)]);

        plan.Edits.ShouldBeEmpty();
        plan.Refused[failure.TestId].ShouldBe("configure_django was tried for this failure already and did not hold");
    }
}
