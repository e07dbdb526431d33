using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Fixer.Tests.Classification;

namespace QuestMesh.Fixer.Tests.Fixing;

public class FixLedgerTests
{
    private static readonly FailureClassifier Classifier = new();

    private static TestOutcome Passed(string name) => new() { Id = $"{RealFailures.SuiteFile}::{name}", Name = name, Outcome = "passed" };

    private static (FixLedger Ledger, TestOutcome Mismatch, TestOutcome Fixture, TestOutcome Flaky) Start()
    {
        var mismatch = RealFailures.Outcome("int-mismatch", "test_add");
        var fixture = RealFailures.Outcome("fixture-missing", "test_fixture", "error");
        var flaky = RealFailures.Outcome("greater", "test_flaky");
        var failures = new[] { mismatch, fixture, flaky }.Select(t => Classifier.Classify(t, RealFailures.SuiteFile)).ToList();
        var ledger = new FixLedger(failures);
        ledger.Planned(new Dictionary<string, RepairAttempt>
        {
            [mismatch.Id] = new(true, "expected value `4` replaced by the observed `3` (line 5)"),
            [fixture.Id] = RepairAttempt.Failed("fixture 'tmp_thing' does not exist and no rule invents fixtures"),
            [flaky.Id] = RepairAttempt.Failed("the assertion is not an `x == literal` comparison that can be re-observed"),
        });
        return (ledger, mismatch, fixture, flaky);
    }

    [Fact]
    public void Report_lists_every_input_failure_once_with_its_fate()
    {
        var (ledger, mismatch, fixture, flaky) = Start();
        ledger.Removed(fixture, Classifier.Classify(fixture, RealFailures.SuiteFile));
        var final = new ExecutionReport { Status = "passed", Tests = [Passed("test_add"), Passed("test_flaky"), Passed("test_other")] };

        var report = ledger.Report(2, final, null);

        report.Round.ShouldBe(2);
        report.FailingBefore.ShouldBe(3);
        report.FailingAfter.ShouldBe(0);
        report.Actions.Select(a => (a.Test, a.Action)).ShouldBe(
        [
            (mismatch.Id, FixActions.Repaired),
            (fixture.Id, FixActions.Removed),
            (flaky.Id, FixActions.Kept),
        ]);
        report.Actions[1].Detail.ShouldBe("FixtureLookupError: fixture 'tmp_thing' not found; not repairable: fixture 'tmp_thing' does not exist and no rule invents fixtures");
        report.Actions[2].Detail.ShouldStartWith("passed when run again without a change (possibly flaky)");
    }

    [Fact]
    public void A_repair_that_did_not_hold_is_reported_as_removed_with_both_reasons()
    {
        var (ledger, mismatch, _, _) = Start();
        var still = RealFailures.Outcome("greater", "test_add");
        ledger.Removed(still, Classifier.Classify(still, RealFailures.SuiteFile));

        var action = ledger.Report(1, new ExecutionReport { Status = "failed" }, null).Actions[0];

        action.Action.ShouldBe(FixActions.Removed);
        action.Category.ShouldBe(FailureCategories.AssertionMismatch);
        action.Detail.ShouldBe("the repair did not hold (expected value `4` replaced by the observed `3` (line 5)); still failing: AssertionError: assert 0 > 1");
    }

    [Fact]
    public void Tests_removed_along_the_way_are_appended_and_never_doubled()
    {
        var (ledger, _, _, _) = Start();
        var broken = RealFailures.Outcome("name-error", "test_broken");
        var sibling = Passed("test_broken[2]");
        ledger.Removed(broken, Classifier.Classify(broken, RealFailures.SuiteFile));
        ledger.Removed(broken, Classifier.Classify(broken, RealFailures.SuiteFile));
        ledger.RemovedWith(sibling, broken.Id, FailureCategories.NameError);

        var actions = ledger.Report(1, new ExecutionReport { Status = "passed", Tests = [Passed("test_add")] }, null).Actions;

        actions.Count.ShouldBe(5);
        actions[3].ShouldBe(new FixAction(broken.Id, FailureCategories.NameError, FixActions.Removed, "failed after the repairs: NameError: name 'foo' is not defined"));
        actions[4].Detail.ShouldContain($"removed with the failing case {broken.Id}");
    }

    [Fact]
    public void Rolled_back_and_rejected_repairs_are_not_reported_as_repaired()
    {
        var (ledger, _, _, _) = Start();
        ledger.RolledBack("SyntaxError: invalid syntax");

        var action = ledger.Report(1, new ExecutionReport { Status = "passed", Tests = [Passed("test_add")] }, null).Actions[0];

        action.Action.ShouldBe(FixActions.Kept);
        action.Detail.ShouldContain("repair rolled back");
    }

    [Fact]
    public void Without_a_re_run_nothing_is_claimed()
    {
        var (ledger, _, _, _) = Start();

        var report = ledger.Report(1, null, "the fixer could not finish: project directory '/x' does not exist");

        report.FailingAfter.ShouldBe(3);
        report.Actions.ShouldAllBe(a => a.Action == FixActions.Kept && a.Detail.StartsWith("not validated: the fixer could not finish", StringComparison.Ordinal));
    }

    [Fact]
    public void A_collection_error_is_repaired_once_the_module_loads()
    {
        var failure = Classifier.ClassifyCollection(RealFailures.ImportCollectionError, "tests/test_imp.py");
        var ledger = new FixLedger([failure]);
        ledger.Planned(new Dictionary<string, RepairAttempt> { [failure.TestId] = new(true, "`from ops import add` rewritten as `from calc.ops import add`") });

        var loaded = ledger.Report(1, new ExecutionReport { Status = "passed", Tests = [Passed("test_add")] }, null).Actions.ShouldHaveSingleItem();
        var stillBroken = ledger.Report(1, new ExecutionReport { Status = "error", TestError = "E   ImportError: x" }, null);

        (loaded.Action, loaded.Category).ShouldBe((FixActions.Repaired, FailureCategories.ImportError));
        stillBroken.Actions[0].Action.ShouldBe(FixActions.Kept);
        stillBroken.FailingAfter.ShouldBe(1);
    }
}
