using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Generator.Tests.Consumers;

public sealed class GenerateTestsConsumerTests : IAsyncLifetime
{
    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddGenerator());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    private GenerateTests Command(string target = "calc.py", string strategy = "auto") => new()
    {
        RunId = Guid.NewGuid(),
        Attempt = 0,
        StepId = Guid.NewGuid(),
        Source = new SourceSpec { Kind = SourceKinds.Path, Path = _project.Path },
        TargetFile = target,
        Settings = new RunSettings { Strategy = strategy, SearchBudgetSeconds = 5 },
    };

    private async Task<TestsGenerated> GenerateAsync(GenerateTests command)
    {
        await _host.Harness.Bus.Publish(command);
        return await _host.ReplyAsync<TestsGenerated, GenerateTests>(r => r.StepId == command.StepId);
    }

    [Fact]
    public async Task Should_write_a_suite_with_the_offline_search()
    {
        var command = Command();

        var reply = await GenerateAsync(command);

        reply.Error.ShouldBeNull();
        reply.RunId.ShouldBe(command.RunId);
        reply.Attempt.ShouldBe(0);
        var suite = reply.Suite.ShouldNotBeNull();
        suite.FileName.ShouldBe("tests/test_questmesh_calc.py");
        suite.Source.ShouldContain("from calc import classify");
        suite.Source.ShouldContain("def test_");
        reply.TargetCode.ShouldBe(PythonProject.Calc);
        var context = JsonNode.Parse(reply.ContextJson.ShouldNotBeNull())!.AsObject();
        context["module"]!.GetValue<string>().ShouldBe("calc");
        reply.Metadata.Strategy.ShouldBe("search");
        reply.Metadata.LlmDurationSeconds.ShouldBeGreaterThan(0);
        reply.DurationSeconds.ShouldBeGreaterThan(0);
        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_refuse_the_llm_strategy_without_an_endpoint_and_say_how_to_set_one()
    {
        var reply = await GenerateAsync(Command(strategy: "llm"));

        reply.Suite.ShouldBeNull();
        reply.Error.ShouldNotBeNull().ShouldContain("Generator:Llm:Endpoint");
    }

    [Fact]
    public async Task Should_answer_a_missing_target_with_an_error()
    {
        var reply = await GenerateAsync(Command(target: "nowhere.py"));

        reply.Suite.ShouldBeNull();
        reply.Error.ShouldNotBeNull().ShouldContain("'nowhere.py' is not a regular file in the project");
    }

    [Fact]
    public async Task Should_answer_a_target_that_does_not_import_with_an_error()
    {
        _project.Write("broken.py", "def f(:\n    pass\n");

        var reply = await GenerateAsync(Command(target: "broken.py"));

        reply.Suite.ShouldBeNull();
        reply.Error.ShouldNotBeNull().ShouldContain("cannot be imported");
        reply.TargetCode.ShouldBe("def f(:\n    pass\n");
    }

    [Fact]
    public async Task Should_answer_a_redelivered_step_once_without_searching_again()
    {
        var command = Command();
        var first = await GenerateAsync(command);

        await _host.Harness.Bus.Publish(command);
        var second = await _host.ReplyAsync<TestsGenerated, GenerateTests>(r => r.StepId == command.StepId, skip: 1);

        second.DurationSeconds.ShouldBe(first.DurationSeconds);
        second.Suite.ShouldBe(first.Suite);
    }
}
