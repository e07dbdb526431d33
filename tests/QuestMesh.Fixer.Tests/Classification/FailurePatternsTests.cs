using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Tests.Support;
using static QuestMesh.Fixer.Classification.FailureCategories;

namespace QuestMesh.Fixer.Tests.Classification;

/// <summary>Each failure pattern of a real suite, run by the real harness, gets its category and kind by the rules.</summary>
public sealed class FailurePatternsTests(PatternRun run) : IClassFixture<PatternRun>
{
    private const string Mistake = FailureKinds.TestMistake;

    [Theory]
    [InlineData("test_module_not_found", ModuleNotFound, Mistake)]
    [InlineData("test_cannot_import_name", CannotImportName, Mistake)]
    [InlineData("test_import_cycle", ImportCycle, Mistake)]
    [InlineData("test_name_error", NameError, Mistake)]
    [InlineData("test_unbound_local", NameError, Mistake)]
    [InlineData("test_attribute_error", AttributeError, Mistake)]
    [InlineData("test_fixture_missing", FixtureMissing, Mistake)]
    [InlineData("test_fixture_error", FixtureError, Mistake)]
    [InlineData("test_call_mismatch", CallMismatch, Mistake)]
    [InlineData("test_unexpected_keyword", CallMismatch, Mistake)]
    [InlineData("test_django_settings", DjangoSettings, Mistake)]
    [InlineData("test_database_blocked", DatabaseBlocked, Mistake)]
    [InlineData("test_recursion", Recursion, Mistake)]
    [InlineData("test_assertion_mismatch", AssertionMismatch, Mistake)]
    [InlineData("test_float_mismatch", FloatMismatch, Mistake)]
    [InlineData("test_assertion_failed", AssertionFailed, Mistake)]
    [InlineData("test_did_not_raise", DidNotRaise, Mistake)]
    [InlineData("test_wrong_exception", WrongException, Mistake)]
    [InlineData("test_type_error_in_test", TypeError, Mistake)]
    [InlineData("test_file_not_found", FileError, Mistake)]
    [InlineData("test_key_error_in_test", LookupError, Mistake)]
    [InlineData("test_index_error_in_test", LookupError, Mistake)]
    [InlineData("test_unicode_in_test", UnicodeError, Mistake)]
    [InlineData("test_unicode_in_target", UnicodeError, Mistake)]
    [InlineData("test_library_error_in_test", TestError, Mistake)]
    [InlineData("test_raised_on_purpose", ExceptionRaised, Mistake)]
    [InlineData("test_value_error_by_python", ExceptionRaised, Mistake)]
    [InlineData("test_misuse", Misuse, Mistake)]
    [InlineData("test_bug_zero_division", TargetBug, FailureKinds.CodeBug)]
    [InlineData("test_bug_index", TargetBug, FailureKinds.CodeBug)]
    [InlineData("test_bug_key", TargetBug, FailureKinds.CodeBug)]
    [InlineData("test_bug_type", TargetBug, FailureKinds.CodeBug)]
    public void Each_failing_test_gets_the_category_and_kind_of_its_pattern(string test, string category, string kind)
    {
        var failure = run.Tests[test];

        (failure.Category, failure.Kind).ShouldBe((category, kind));
    }

    [Theory]
    [InlineData("syntax", SyntaxError)]
    [InlineData("empty", NoTests)]
    [InlineData("endless", FailureCategories.Timeout)]
    public void A_module_that_fails_as_a_whole_gets_its_category(string module, string category)
    {
        run.Modules[module].Category.ShouldBe(category);
    }

    [Fact]
    public void The_suite_holds_every_pattern_once_and_its_passing_test_is_not_a_failure()
    {
        run.Tests.Count.ShouldBe(32);
        run.Tests.ContainsKey("test_passes").ShouldBeFalse();
        run.Tests.Values.Concat(run.Modules.Values).Select(f => f.Category).Distinct().Count().ShouldBeGreaterThanOrEqualTo(26);
    }

    [Fact]
    public void A_code_bug_carries_the_call_the_function_and_the_line_of_the_target()
    {
        var bug = run.Tests["test_bug_zero_division"];

        (bug.Facts.TargetFunction, bug.Facts.TargetCall, bug.Facts.CallFitsHints, bug.Facts.RaisedOnPurpose).ShouldBe(("average", "average([])", true, false));
        bug.TargetLine.ShouldBe(15);
    }
}
