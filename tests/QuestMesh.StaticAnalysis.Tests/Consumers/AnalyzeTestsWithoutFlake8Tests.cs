using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.StaticAnalysis.Tests.Consumers;

public sealed class AnalyzeTestsWithoutFlake8Tests : IAsyncLifetime
{
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddStaticAnalysis(), new Dictionary<string, string?>
        {
            ["StaticAnalysis:Flake8"] = "false",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_still_analyse_when_flake8_is_not_run()
    {
        var command = new AnalyzeTests
        {
            RunId = Guid.NewGuid(),
            StepId = Guid.NewGuid(),
            Source = new SourceSpec { Kind = SourceKinds.Inline, Files = [] },
            TargetFile = "calc.py",
            Suite = new TestSuite("tests/test_calc.py", PythonProject.PassingSuite + "\n"),
        };

        await _host.Harness.Bus.Publish(command);
        var reply = await _host.ReplyAsync<TestsAnalyzed, AnalyzeTests>(r => r.StepId == command.StepId);

        reply.Report.Linters["flake8"].Available.ShouldBeFalse();
        reply.Report.Linters["flake8"].Output.ShouldContain("switched off");
        reply.Report.Linters["pyflakes"].Available.ShouldBeTrue();
        reply.Reliability.Level.ShouldBe(PreReliability.High);
    }
}
