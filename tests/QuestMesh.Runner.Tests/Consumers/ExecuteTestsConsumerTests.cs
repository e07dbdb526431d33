using QuestMesh.Runner.Tests.Support;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

public sealed class ExecuteTestsConsumerTests : IAsyncLifetime
{
    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddRunner(), new Dictionary<string, string?>
        {
            ["Runner:ExecutionTimeoutSeconds"] = "20",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    private ExecuteTests Command(string suite, bool mutation = true) =>
        RunnerCommands.Execute(_project, suite) with { Mutation = mutation };

    private async Task<TestsExecuted> ExecuteAsync(ExecuteTests command)
    {
        await _host.Harness.Bus.Publish(command);
        return await _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId);
    }

    [Fact]
    public async Task Should_report_coverage_and_mutation_score_of_a_passing_suite()
    {
        var command = Command(PythonProject.PassingSuite);

        var reply = await ExecuteAsync(command);

        reply.RunId.ShouldBe(command.RunId);
        reply.Attempt.ShouldBe(1);
        var report = reply.Report;
        report.Status.ShouldBe(ExecutionStatus.Passed);
        report.Success.ShouldBeTrue();
        report.Tests.Count.ShouldBe(2);
        report.Coverage.ShouldNotBeNull().Percent.ShouldBe(100.0);
        report.Coverage.Branches.ShouldBe(2);
        var mutation = report.Mutation.ShouldNotBeNull();
        mutation.Total.ShouldBeGreaterThan(0);
        mutation.Killed.ShouldBeGreaterThan(0);
        mutation.Mutants.ShouldNotBeEmpty();
        report.MutationError.ShouldBeNull();
    }

    [Fact]
    public async Task Should_report_failing_tests_without_mutation_testing()
    {
        var reply = await ExecuteAsync(Command(PythonProject.FailingSuite));

        reply.Report.Status.ShouldBe(ExecutionStatus.Failed);
        reply.Report.Success.ShouldBeFalse();
        var test = reply.Report.Tests.ShouldHaveSingleItem();
        test.Outcome.ShouldBe("failed");
        test.ErrorType.ShouldBe("AssertionError");
        reply.Report.Mutation.ShouldBeNull();
        // The structured failure travels with the outcome: the fixer classifies on it, never on the text.
        var failure = test.Failure.ShouldNotBeNull();
        (failure.ExceptionType, failure.Phase, failure.RaisedIn, failure.TestLine).ShouldBe(("AssertionError", "call", FrameKinds.Test, 5));
        failure.Frames[^1].ShouldBe(new FailureFrame
        {
            File = test.Id.Split("::")[0], Line = 5, Function = "test_wrong_expectation", Source = "assert classify(-1) == \"positive\"", Kind = FrameKinds.Test,
        });
        failure.Assertion.ShouldBe(new AssertionOperands
        {
            Op = "==", Left = "'negative'", Right = "'positive'", Style = "pytest", ExpectedSide = "right", Observed = "'negative'",
        });
    }

    [Fact]
    public async Task Should_report_an_import_error_as_a_test_error()
    {
        var reply = await ExecuteAsync(Command(PythonProject.ImportErrorSuite));

        reply.Report.Status.ShouldBe(ExecutionStatus.Error);
        reply.Report.TestError.ShouldNotBeNull().ShouldContain("no_such_function");
        reply.Report.Mutation.ShouldBeNull();
        var failure = reply.Report.CollectionFailures.ShouldHaveSingleItem();
        (failure.ExceptionType, failure.Phase, failure.MissingName, failure.ImportedFrom, failure.TestLine)
            .ShouldBe(("ImportError", "collect", "no_such_function", "calc", 1));
    }

    [Fact]
    public async Task Should_skip_mutation_testing_when_the_command_declines_it()
    {
        var reply = await ExecuteAsync(Command(PythonProject.PassingSuite, mutation: false));

        reply.Report.Status.ShouldBe(ExecutionStatus.Passed);
        reply.Report.Mutation.ShouldBeNull();
    }

    [Fact]
    public async Task Should_answer_a_redelivered_step_once_without_running_it_again()
    {
        var command = Command(PythonProject.PassingSuite, mutation: false);
        var first = await ExecuteAsync(command);

        await _host.Harness.Bus.Publish(command);
        var second = await _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId, skip: 1);

        // A second run would measure a different duration; the remembered reply carries the first one.
        second.DurationSeconds.ShouldBe(first.DurationSeconds);
        second.Report.ExecutionTime.ShouldBe(first.Report.ExecutionTime);
    }

    [Fact]
    public async Task Should_answer_a_missing_project_with_an_error_report()
    {
        var command = Command(PythonProject.PassingSuite) with
        {
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = Path.Combine(_project.Path, "gone") },
        };

        var reply = await ExecuteAsync(command);

        reply.Report.Status.ShouldBe(ExecutionStatus.Error);
        reply.Report.TestError.ShouldNotBeNull().ShouldContain("does not exist");
    }

    [Fact]
    public async Task Should_leave_no_workspace_behind()
    {
        await ExecuteAsync(Command(PythonProject.FailingSuite));

        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }
}
