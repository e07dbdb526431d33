using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Fixer.Tests.Classification;
using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Tests.Fixing;

public class FixLedgerTests
{
    private const string Suite = "def test_add():\n    assert add(1, 2) == 4\n";
    private static readonly FailureClassifier Classifier = new();
    private static readonly PlannedEdit Expected = new(new PatchEdit("replace_expected") { Name = "test_add", Line = 5, Value = "3" }, ["tests/test_ops.py::test_add"]);

    private static TestOutcome Passed(string name) => new() { Id = $"{RealFailures.SuiteFile}::{name}", Name = name, Outcome = "passed" };

    private static Failure Classified(string key, string name) => Classifier.Classify(RealFailures.Outcome(key, name), RealFailures.SuiteFile);

    private static readonly ExecutionReport Clean = new() { Status = "passed", Tests = [Passed("test_add"), Passed("test_other")] };

    private static (FixLedger Ledger, FixCase Mismatch, FixCase Fixture, FixCase Bug) Start()
    {
        var ledger = new FixLedger([Classified("int-mismatch", "test_add"), Classified("fixture-missing", "test_fixture"), Classified("zero-division", "test_div")], Suite);
        return (ledger, ledger.Cases[0], ledger.Cases[1], ledger.Cases[2]);
    }

    [Fact]
    public void A_code_bug_goes_at_once_and_is_reported_as_a_possible_bug()
    {
        var (ledger, mismatch, _, bug) = Start();

        (mismatch.State, bug.State).ShouldBe((CaseState.Open, CaseState.Removing));
        var reported = ledger.PossibleBugs.ShouldHaveSingleItem();
        (reported.Function, reported.Call, reported.Outcome, reported.Message, reported.Line, reported.Test).ShouldBe(
            ("div", "div(1, 0)", "ZeroDivisionError", "division by zero", 5, "tests/test_ops.py::test_div"));
        reported.Evidence.ShouldBe("a generated test called it with arguments its type hints allow and Python raised ZeroDivisionError at line 5 of the target");
        reported.FoundBy.ShouldBe(PossibleBugSources.Fixer);
    }

    [Fact]
    public void Report_lists_every_failure_once_with_category_kind_attempts_and_outcome()
    {
        var (ledger, mismatch, fixture, bug) = Start();
        mismatch.Attempted(Expected, "expected value `4` replaced by the observed `3` (line 5)", refusal: null);
        mismatch.Judged(FixAttemptResults.Held, null);
        mismatch.State = CaseState.Repaired;
        fixture.Reason = RepairPlanner.Unrepairable(fixture.Current);
        (fixture.State, bug.State) = (CaseState.Removed, CaseState.Removed);

        var report = ledger.Report(2, Clean, null, runs: 1);

        (report.Round, report.FailingBefore, report.FailingAfter, report.Runs).ShouldBe((2, 3, 0, 1));
        report.Actions.Select(a => (a.Category, a.Kind, a.Action)).ShouldBe(
        [
            ("assertion-mismatch", FailureKinds.TestMistake, FixActions.Repaired),
            ("fixture-missing", FailureKinds.TestMistake, FixActions.Removed),
            ("target-bug", FailureKinds.CodeBug, FixActions.Removed),
        ]);
        report.Actions[0].Detail.ShouldBe("expected value `4` replaced by the observed `3` (line 5)");
        report.Actions[0].Failure.ShouldBe("AssertionError: assert 3 == 4");
        report.Actions[0].Attempts.ShouldHaveSingleItem().ShouldBe(new FixAttempt
        {
            Number = 1, Op = "replace_expected", Edit = "expected value `4` replaced by the observed `3` (line 5)", Result = FixAttemptResults.Held,
        });
        report.Actions[1].Detail.ShouldBe("FixtureLookupError: fixture 'tmp_thing' not found; not repairable: fixture 'tmp_thing' does not exist and no rule invents fixtures");
        report.Actions[2].Detail.ShouldBe("ZeroDivisionError: division by zero: Python raised it inside the target (line 5) for a call that looks valid; removed and reported as a possible bug");
    }

    [Fact]
    public void A_repair_rolled_back_before_the_test_went_is_reported_with_why_it_did_not_hold()
    {
        var (ledger, mismatch, _, _) = Start();
        mismatch.Attempted(Expected, "expected value `4` replaced by the observed `3` (line 5)", refusal: null);
        mismatch.Judged(FixAttemptResults.RolledBack, "AssertionError: assert 0 > 1");
        mismatch.State = CaseState.Removed;

        var action = ledger.Report(1, Clean, null, runs: 2).Actions[0];

        (action.Action, action.Category).ShouldBe((FixActions.Removed, FailureCategories.AssertionMismatch));
        action.Detail.ShouldBe("the repair did not hold (expected value `4` replaced by the observed `3` (line 5)); still failing: AssertionError: assert 0 > 1");
        action.Attempts.ShouldHaveSingleItem().Result.ShouldBe(FixAttemptResults.RolledBack);
    }

    [Fact]
    public void A_refused_edit_counts_as_an_attempt_but_not_as_the_repair_that_did_not_hold()
    {
        var (ledger, mismatch, _, _) = Start();
        mismatch.Attempted(Expected, "replace the expected value at line 5 with `3`", refusal: "line 5 is not a single `==` comparison or assertEqual call");
        mismatch.Reason = "no other rule applies";
        mismatch.State = CaseState.Removed;

        var action = ledger.Report(1, Clean, null, runs: 1).Actions[0];

        (mismatch.State, mismatch.Trying).ShouldBe((CaseState.Removed, null));
        action.Attempts.ShouldHaveSingleItem().ShouldBe(new FixAttempt
        {
            Number = 1, Op = "replace_expected", Edit = "replace the expected value at line 5 with `3`", Result = FixAttemptResults.Refused,
            Why = "line 5 is not a single `==` comparison or assertEqual call",
        });
        action.Detail.ShouldBe("AssertionError: assert 3 == 4; not repairable: no other rule applies");
    }

    [Fact]
    public void A_repaired_test_that_fails_again_is_looked_at_anew()
    {
        var (ledger, mismatch, _, _) = Start();
        mismatch.Attempted(Expected, "expected value `4` replaced by the observed `3` (line 5)", refusal: null);
        mismatch.Judged(FixAttemptResults.Held, null);
        mismatch.State = CaseState.Repaired;

        ledger.Reopen(mismatch, Classified("greater", "test_add"), "the suite now", maxAttempts: 3);

        (mismatch.State, mismatch.Current.Category, mismatch.BaseSource).ShouldBe((CaseState.Open, FailureCategories.AssertionFailed, "the suite now"));
        ledger.Reopen(mismatch, Classified("zero-division", "test_add"), "later", maxAttempts: 3);
        mismatch.State.ShouldBe(CaseState.Removing);
        ledger.PossibleBugs.Count.ShouldBe(2);
    }

    [Fact]
    public void Passing_cases_removed_with_a_failing_one_are_appended_once()
    {
        var (ledger, _, fixture, _) = Start();
        fixture.State = CaseState.Removed;
        ledger.RemovedWith(Passed("test_fixture[2]"), fixture.TestId, FailureCategories.FixtureMissing);
        ledger.RemovedWith(Passed("test_fixture[2]"), fixture.TestId, FailureCategories.FixtureMissing);

        var actions = ledger.Report(1, Clean, null, runs: 1).Actions;

        actions.Count.ShouldBe(4);
        actions[3].ShouldBe(new FixAction("tests/test_ops.py::test_fixture[2]", FailureCategories.FixtureMissing, FixActions.Removed,
            "passed, but removed with the failing case tests/test_ops.py::test_fixture of the same function"));
    }

    [Fact]
    public void Without_a_re_run_nothing_is_claimed()
    {
        var (ledger, mismatch, _, _) = Start();
        mismatch.State = CaseState.Repaired;

        var report = ledger.Report(1, null, "the fixer could not finish: project directory '/x' does not exist", runs: 0);

        report.FailingAfter.ShouldBe(3);
        report.Actions.ShouldAllBe(a => a.Action == FixActions.Kept && a.Detail.StartsWith("not validated: the fixer could not finish", StringComparison.Ordinal));
    }

    [Fact]
    public void A_collection_error_is_repaired_once_the_module_loads_and_kept_when_it_never_does()
    {
        var failure = Classifier.ClassifyCollection(RealFailures.ImportCollectionError, "tests/test_imp.py");
        var ledger = new FixLedger([failure], Suite);
        var fix = new PlannedEdit(new PatchEdit("fix_import") { MissingModule = "ops" }, [failure.TestId]);
        ledger.Cases[0].Attempted(fix, "`from ops import add` rewritten as `from calc.ops import add`", refusal: null);
        ledger.Cases[0].Judged(FixAttemptResults.Held, null);
        ledger.Cases[0].State = CaseState.Repaired;

        var loaded = ledger.Report(1, Clean, null, runs: 1).Actions.ShouldHaveSingleItem();
        ledger.Cases[0].State = CaseState.Kept;
        ledger.Cases[0].Outcome = "the module still does not load: ImportError: x";
        var stillBroken = ledger.Report(1, new ExecutionReport { Status = "error", TestError = "E   ImportError: x" }, null, runs: 1);

        (loaded.Action, loaded.Category, loaded.Detail).ShouldBe((FixActions.Repaired, FailureCategories.ModuleNotFound, "`from ops import add` rewritten as `from calc.ops import add`"));
        (stillBroken.Actions[0].Action, stillBroken.Actions[0].Detail).ShouldBe((FixActions.Kept, "the module still does not load: ImportError: x"));
        stillBroken.FailingAfter.ShouldBe(1);
    }
}
