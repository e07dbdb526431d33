using QuestMesh.Runner.Tests.Support;
using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

/// <summary>The flaky check through the bus: shuffled reruns after the first run mark order-dependent tests.</summary>
public sealed class FlakyCheckTests : IAsyncLifetime
{
    // Passes in the written order only: the second test needs the state the first leaves behind.
    private const string OrderDependentSuite = """
        from calc import classify

        seen = []


        def test_records():
            seen.append(classify(-1))


        def test_needs_the_record():
            assert seen == ["negative"]
        """;

    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddRunner(), new Dictionary<string, string?>
        {
            ["Runner:ExecutionTimeoutSeconds"] = "20",
            ["Runner:Mutation"] = "false",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    private async Task<ExecutionReport> ExecuteAsync(string suite, int? flakyRuns = null)
    {
        var command = RunnerCommands.Execute(_project, suite) with { FlakyRuns = flakyRuns };
        await _host.Harness.Bus.Publish(command);
        return (await _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId)).Report;
    }

    [Fact]
    public async Task Should_mark_a_test_that_fails_in_a_shuffled_order_as_flaky()
    {
        var report = await ExecuteAsync(OrderDependentSuite);

        report.Status.ShouldBe(ExecutionStatus.Passed);
        report.FlakyRuns.ShouldBe(3);
        report.FlakyTests.ShouldBe(["tests/test_calc.py::test_needs_the_record"]);
        report.Tests.Single(t => t.Name == "test_needs_the_record").ShouldSatisfyAllConditions(
            t => t.Flaky.ShouldBeTrue(),
            t => t.Outcome.ShouldBe("passed"));
        report.Tests.Single(t => t.Name == "test_records").Flaky.ShouldBeFalse();
        report.Coverage.ShouldNotBeNull().Percent.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_find_nothing_flaky_in_a_suite_of_independent_tests()
    {
        var report = await ExecuteAsync(PythonProject.PassingSuite);

        report.FlakyRuns.ShouldBe(3);
        report.FlakyTests.ShouldBeEmpty();
        report.Tests.ShouldAllBe(t => !t.Flaky);
    }

    [Fact]
    public async Task Should_check_failing_suites_too()
    {
        var report = await ExecuteAsync(PythonProject.FailingSuite, flakyRuns: 1);

        report.Status.ShouldBe(ExecutionStatus.Failed);
        report.FlakyRuns.ShouldBe(1);
        report.FlakyTests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_skip_the_check_when_the_command_asks_for_no_reruns()
    {
        var report = await ExecuteAsync(OrderDependentSuite, flakyRuns: 0);

        report.FlakyRuns.ShouldBe(0);
        report.FlakyTests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_not_rerun_a_suite_that_does_not_load()
    {
        var report = await ExecuteAsync(PythonProject.ImportErrorSuite);

        report.Status.ShouldBe(ExecutionStatus.Error);
        report.FlakyRuns.ShouldBe(0);
    }
}
