using QuestMesh.Runner.Tests.Support;
using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

/// <summary>A machine without a usable interpreter is an infrastructure fault, not a test result.</summary>
public sealed class ExecuteTestsWithoutPythonTests : IAsyncLifetime
{
    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddRunner(), new Dictionary<string, string?>
        {
            ["Python:Interpreter"] = "/nonexistent/python3",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task Should_fault_with_a_message_that_says_how_to_fix_the_machine()
    {
        var command = RunnerCommands.Execute(_project, PythonProject.PassingSuite);

        await _host.Harness.Bus.Publish(command);
        var fault = await Should.ThrowAsync<InvalidOperationException>(
            () => _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId));

        fault.Message.ShouldContain("Python:Interpreter");
        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }
}
