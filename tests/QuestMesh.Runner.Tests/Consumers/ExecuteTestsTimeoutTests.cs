using QuestMesh.Runner.Tests.Support;
using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

public sealed class ExecuteTestsTimeoutTests : IAsyncLifetime
{
    private const string LoopingSuite = """
        from calc import classify


        def test_loops_forever():
            while True:
                classify(1)
        """;

    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddRunner(), new Dictionary<string, string?>
        {
            ["Runner:ExecutionTimeoutSeconds"] = "3",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task Should_report_a_looping_suite_as_timeout()
    {
        var command = RunnerCommands.Execute(_project, LoopingSuite, "tests/test_loop.py");

        await _host.Harness.Bus.Publish(command);
        var reply = await _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId);

        reply.Report.Status.ShouldBe(ExecutionStatus.Timeout);
        reply.Report.TestError.ShouldNotBeNullOrWhiteSpace();
        reply.Report.Mutation.ShouldBeNull();
        reply.DurationSeconds.ShouldBeLessThan(60);
        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }
}
