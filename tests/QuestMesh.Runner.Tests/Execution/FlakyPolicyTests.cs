using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;

namespace QuestMesh.Runner.Tests.Execution;

public class FlakyPolicyTests
{
    private static readonly RunnerOptions Defaults = new();

    private static readonly ExecuteTests Command = new()
    {
        Source = new SourceSpec { Path = "/p" },
        TargetFile = "calc.py",
        Suite = new TestSuite("tests/test_calc.py", ""),
    };

    private static ExecutionReport Report(params (string Id, string Outcome)[] tests) => new()
    {
        Status = tests.Any(t => t.Outcome is "failed" or "error") ? "failed" : "passed",
        ExecutionTime = 0.5,
        Tests = tests.Select(t => new TestOutcome { Id = t.Id, Name = t.Id, Outcome = t.Outcome }).ToList(),
    };

    [Theory]
    [InlineData(null, 3)]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(50, 10)]
    [InlineData(-2, 0)]
    public void Runs_take_the_commands_number_within_the_runners_cap(int? requested, int expected)
    {
        FlakyPolicy.Runs(Command with { FlakyRuns = requested }, Defaults).ShouldBe(expected);
    }

    [Fact]
    public void Runs_default_to_the_runners_setting()
    {
        FlakyPolicy.Runs(Command, new RunnerOptions { FlakyRuns = 0 }).ShouldBe(0);
    }

    [Theory]
    [InlineData("passed", null, 0.5, 3, true)]
    [InlineData("failed", null, 0.5, 3, true)]
    [InlineData("passed", null, 0.5, 0, false)]
    [InlineData("error", "E   ImportError: nope", 0.5, 3, false)]
    [InlineData("failed", "collection error", 0.5, 3, false)]
    [InlineData("timeout", null, 0.5, 3, false)]
    [InlineData("passed", null, 45.0, 3, false)]
    public void ShouldCheck_only_a_clean_fast_first_run(string status, string? testError, double seconds, int runs, bool expected)
    {
        var first = Report(("a", "passed")) with { Status = status, TestError = testError, ExecutionTime = seconds };

        FlakyPolicy.ShouldCheck(first, runs, Defaults).ShouldBe(expected);
    }

    [Fact]
    public void ShouldCheck_not_a_run_without_tests()
    {
        FlakyPolicy.ShouldCheck(Report(), 3, Defaults).ShouldBeFalse();
    }

    [Fact]
    public void ShuffleSeed_differs_per_run_and_per_command_seed_and_repeats()
    {
        int[] seeds = [.. Enumerable.Range(1, 3).Select(run => FlakyPolicy.ShuffleSeed(42, run)), FlakyPolicy.ShuffleSeed(43, 1)];

        seeds.Distinct().Count().ShouldBe(4);
        FlakyPolicy.ShuffleSeed(42, 2).ShouldBe(seeds[1]);
    }

    [Theory]
    [InlineData(0.2, 120, 10)]
    [InlineData(4.1, 120, 21)]
    [InlineData(20, 60, 60)]
    [InlineData(0.2, 5, 5)]
    public void RerunLimit_follows_the_first_run_within_the_execution_limit(double firstSeconds, int executionLimit, double expected)
    {
        var first = Report(("a", "passed")) with { ExecutionTime = firstSeconds };

        FlakyPolicy.RerunLimit(first, new RunnerOptions { ExecutionTimeoutSeconds = executionLimit }).TotalSeconds.ShouldBe(expected);
    }

    [Fact]
    public void Mark_flags_each_test_whose_outcome_changed_in_any_rerun()
    {
        var first = Report(("a", "passed"), ("b", "passed"), ("c", "failed"));
        var reruns = new[] { Report(("b", "passed"), ("a", "passed"), ("c", "failed")), Report(("c", "failed"), ("b", "failed"), ("a", "passed")) };

        var marked = FlakyPolicy.Mark(first, reruns);

        marked.FlakyTests.ShouldBe(["b"]);
        marked.FlakyRuns.ShouldBe(2);
        marked.Tests.Select(t => (t.Id, t.Outcome, t.Flaky)).ShouldBe([("a", "passed", false), ("b", "passed", true), ("c", "failed", false)]);
        marked.Status.ShouldBe(first.Status);
    }

    [Fact]
    public void Mark_judges_a_test_a_rerun_did_not_reach_on_the_runs_that_have_it()
    {
        var first = Report(("a", "passed"), ("b", "passed"));
        var stopped = Report(("b", "error")) with { Status = "timeout" };

        FlakyPolicy.Mark(first, [stopped]).FlakyTests.ShouldBe(["b"]);
        FlakyPolicy.Mark(first, [Report(("b", "passed"))]).FlakyTests.ShouldBeEmpty();
    }

    [Fact]
    public void Mark_without_reruns_flags_nothing()
    {
        var marked = FlakyPolicy.Mark(Report(("a", "passed")), []);

        marked.FlakyTests.ShouldBeEmpty();
        marked.FlakyRuns.ShouldBe(0);
    }
}
