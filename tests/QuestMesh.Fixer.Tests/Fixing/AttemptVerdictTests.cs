using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Fixer.Tests.Classification;
using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Tests.Fixing;

public class AttemptVerdictTests
{
    private static readonly FailureClassifier Classifier = new();

    private static Failure Classified(string key) => Classifier.Classify(RealFailures.Outcome(key), RealFailures.SuiteFile);

    private static PlannedEdit Edit(string op) => new(new PatchEdit(op), ["tests/test_ops.py::test_x"]);

    [Theory]
    [InlineData(12, 10, true)]
    [InlineData(7, 5, true)]
    [InlineData(11, 10, false)]
    [InlineData(5, 4, false)]
    public void A_repaired_expected_value_progressed_when_a_later_statement_of_the_test_fails(int lineAfter, int testStartAfter, bool progressed)
    {
        // Before: line 5 of a test that starts on line 4; other edits may have moved the test since.
        var before = Classified("int-mismatch");
        var outcome = RealFailures.Outcome("int-mismatch");
        var after = Classifier.Classify(outcome with { Failure = outcome.Failure! with { TestLine = lineAfter, TestFunctionLine = testStartAfter } }, RealFailures.SuiteFile);

        AttemptVerdict.Progressed(Edit("replace_expected"), before, after).ShouldBe(progressed);
    }

    [Fact]
    public void A_wrapped_raise_never_progresses()
    {
        AttemptVerdict.Progressed(Edit("expect_raises"), Classified("custom-exception"), Classified("did-not-raise")).ShouldBeFalse();
    }

    [Fact]
    public void A_supplied_import_or_setting_progressed_when_another_failure_shows()
    {
        AttemptVerdict.Progressed(Edit("import_from_target"), Classified("name-error"), Classified("django-settings")).ShouldBeTrue();
        AttemptVerdict.Progressed(Edit("mark_django_db"), Classified("database-blocked"), Classified("database-blocked")).ShouldBeFalse();
    }
}
