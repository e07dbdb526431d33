using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Fixer.Tests.Support;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Fixer.Tests.Consumers;

/// <summary>
/// One fix round on a real suite with a failure of each repairable kind, run by the real harness: each repair,
/// the attempts that build on each other, the one that is rolled back, and the code bug that is removed and reported.
/// </summary>
public sealed class RepairAttemptsTests(RepairRound round) : IClassFixture<RepairRound>
{
    private TestsFixed Reply => round.Reply;

    private FixAction Action(string test) => Reply.Report.Actions.Single(a => a.Test == $"tests/test_repairs.py::{test}");

    private string Source => Reply.Suite.ShouldNotBeNull().Source;

    [Fact]
    public void Every_failure_is_settled_in_two_validation_runs()
    {
        Reply.Error.ShouldBeNull();
        Reply.Report.FailingBefore.ShouldBe(9);
        Reply.Report.FailingAfter.ShouldBe(0);
        Reply.Report.Runs.ShouldBe(2);
        Reply.Report.Actions.Count.ShouldBe(9);
        Source.ShouldContain("def test_passes():");
        round.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }

    [Fact]
    public void A_repaired_assertion_that_lets_the_test_run_on_is_built_on_by_the_next_attempt()
    {
        var action = Action("test_two_wrong");

        (action.Category, action.Kind, action.Action).ShouldBe(("assertion-mismatch", FailureKinds.TestMistake, FixActions.Repaired));
        action.Attempts.Select(a => (a.Number, a.Op, a.Result)).ShouldBe([(1, "replace_expected", FixAttemptResults.Progressed), (2, "replace_expected", FixAttemptResults.Held)]);
        action.Attempts[0].Why.ShouldBe("AssertionError: assert 3 == 4");
        Source.ShouldContain("    assert pay(1) == 1\n    assert pay(3) == 3\n");
    }

    [Fact]
    public void A_float_off_by_rounding_is_compared_approximately()
    {
        var action = Action("test_float");

        (action.Category, action.Action).ShouldBe(("float-mismatch", FixActions.Repaired));
        action.Attempts.ShouldHaveSingleItem().Op.ShouldBe("approx_expected");
        Source.ShouldContain("assert total(0.1, 0.2) == pytest.approx(0.3)");
    }

    [Fact]
    public void Exceptions_the_target_raises_on_purpose_become_the_expectation()
    {
        (Action("test_wrong_exception").Category, Action("test_wrong_exception").Action).ShouldBe(("wrong-exception", FixActions.Repaired));
        (Action("test_raised_on_purpose").Category, Action("test_raised_on_purpose").Action).ShouldBe(("exception-raised", FixActions.Repaired));
        Source.ShouldContain("    with pytest.raises(InvalidAmount):\n        pay(-1)\n");
        Source.ShouldContain("    with pytest.raises(InvalidAmount):\n        pay(-5)\n");
        Source.ShouldContain("from shop.cart import InvalidAmount\n");
    }

    [Fact]
    public void A_refused_edit_makes_way_for_the_next_rule_without_a_run()
    {
        var action = Action("test_sqrt");

        (action.Category, action.Action).ShouldBe(("name-error", FixActions.Repaired));
        action.Attempts.Select(a => (a.Op, a.Result)).ShouldBe([("import_from_target", FixAttemptResults.Refused), ("import_module", FixAttemptResults.Held)]);
        action.Attempts[0].Why.ShouldBe("`math` is not defined by shop.cart either");
        Source.ShouldContain("import math\n");
    }

    [Fact]
    public void Framework_failures_get_the_setup_they_lack()
    {
        var orders = Action("test_orders");
        var debug = Action("test_debug");

        (orders.Category, orders.Action, orders.Attempts.ShouldHaveSingleItem().Op).ShouldBe(("database-blocked", FixActions.Repaired, "mark_django_db"));
        Source.ShouldContain("@pytest.mark.django_db\ndef test_orders():");
        (debug.Category, debug.Action).ShouldBe(("name-error", FixActions.Repaired));
        debug.Attempts.Select(a => (a.Op, a.Result)).ShouldBe([("import_from_target", FixAttemptResults.Progressed), ("configure_django", FixAttemptResults.Held)]);
        debug.Attempts[0].Why.ShouldStartWith("ImproperlyConfigured: Requested setting DEBUG");
        Source.ShouldStartWith("import django\nfrom django.conf import settings\n\nif not settings.configured:\n");
    }

    [Fact]
    public void A_repair_that_does_not_hold_is_rolled_back_and_the_test_removed()
    {
        var action = Action("test_lucky");

        (action.Category, action.Action).ShouldBe(("assertion-mismatch", FixActions.Removed));
        var attempt = action.Attempts.ShouldHaveSingleItem();
        (attempt.Op, attempt.Result).ShouldBe(("replace_expected", FixAttemptResults.RolledBack));
        attempt.Why.ShouldNotBeNull().ShouldStartWith("AssertionError: assert ");
        action.Detail.ShouldStartWith("the repair did not hold (expected value `0.5` replaced by the observed `");
        Source.ShouldNotContain("test_lucky");
    }

    [Fact]
    public void A_code_bug_is_removed_not_expected_and_reported_as_a_possible_bug()
    {
        var action = Action("test_average_of_nothing");

        (action.Category, action.Kind, action.Action).ShouldBe(("target-bug", FailureKinds.CodeBug, FixActions.Removed));
        action.Attempts.ShouldBeEmpty();
        action.Detail.ShouldBe("ZeroDivisionError: division by zero: Python raised it inside the target (line 15) for a call that looks valid; removed and reported as a possible bug");
        Source.ShouldNotContain("test_average_of_nothing");
        Source.ShouldNotContain("pytest.raises(ZeroDivisionError)");
        Reply.PossibleBugs.ShouldHaveSingleItem().ShouldBe(new PossibleBug
        {
            Function = "average",
            Call = "average([])",
            Outcome = "ZeroDivisionError",
            Message = "division by zero",
            Line = 15,
            Evidence = "a generated test called it with arguments its type hints allow and Python raised ZeroDivisionError at line 15 of the target",
            FoundBy = PossibleBugSources.Fixer,
            Test = "tests/test_repairs.py::test_average_of_nothing",
        });
    }
}

/// <summary>The fix round <see cref="RepairAttemptsTests"/> looks at, made once for all of them.</summary>
public sealed class RepairRound : IAsyncLifetime
{
    private const string Suite = """
        import random

        import pytest

        from shop import db
        from shop.cart import average, pay, total


        def test_two_wrong():
            assert pay(1) == 2
            assert pay(3) == 4


        def test_float():
            assert total(0.1, 0.2) == 0.3


        def test_wrong_exception():
            with pytest.raises(TypeError):
                pay(-1)


        def test_raised_on_purpose():
            assert pay(-5) == 0


        def test_sqrt():
            assert math.sqrt(pay(4)) == 2.0


        def test_orders():
            assert db.count_orders() == 0


        def test_debug():
            assert debug_mode() is False


        def test_average_of_nothing():
            assert average([]) == 0.0


        def test_lucky():
            assert random.random() == 0.5


        def test_passes():
            assert pay(1) == 1
        """;

    private readonly PythonProject _project = FailurePatterns.Project();
    private ServiceTestHost _host = null!;
    public TestsFixed Reply { get; private set; } = null!;

    public DirectoryInfo WorkRoot => _host.WorkRoot;

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync(b => b.AddFixer(), new Dictionary<string, string?> { ["Fixer:ExecuteTimeoutSeconds"] = "30" });
        var path = "tests/test_repairs.py";
        _project.Write(path, Suite);
        var harness = _host.Services.GetRequiredService<HarnessClient>();
        var execution = await harness.ExecuteAsync(_project.Path, FailurePatterns.Target, path, TimeSpan.FromSeconds(30));
        File.Delete(Path.Combine(_project.Path, path));
        var command = new FixTests
        {
            RunId = Guid.NewGuid(), Attempt = 1, StepId = Guid.NewGuid(), FixRound = 1,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = _project.Path },
            TargetFile = FailurePatterns.Target,
            Suite = new TestSuite(path, Suite),
            Execution = execution,
        };
        await _host.Harness.Bus.Publish(command);
        Reply = await _host.ReplyAsync<TestsFixed, FixTests>(r => r.StepId == command.StepId);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

}
