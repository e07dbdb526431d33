using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Generator.Tests.Consumers;

public sealed class EnhanceTestsConsumerTests : IAsyncLifetime
{
    private const string HalfSuite = """
        from calc import classify


        def test_negative_only():
            assert classify(-1) == "negative"
        """;

    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddGenerator());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task Should_keep_the_suite_and_its_file_and_add_tests_for_the_critique()
    {
        var command = new EnhanceTests
        {
            RunId = Guid.NewGuid(),
            Attempt = 1,
            StepId = Guid.NewGuid(),
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = _project.Path },
            TargetFile = "calc.py",
            Settings = new RunSettings { SearchBudgetSeconds = 5 },
            Suite = new TestSuite("checks/test_calc_half.py", HalfSuite),
            Critique = new Critique
            {
                LowCoverage = true,
                MissingLines = [4],
                MissingBranches = [new MissingBranch(2, 4, "if n < 0:")],
            },
        };

        await _host.Harness.Bus.Publish(command);
        var reply = await _host.ReplyAsync<TestsGenerated, EnhanceTests>(r => r.StepId == command.StepId);

        reply.Error.ShouldBeNull();
        reply.Attempt.ShouldBe(1);
        var suite = reply.Suite.ShouldNotBeNull();
        suite.FileName.ShouldBe("checks/test_calc_half.py");
        suite.Source.ShouldContain("def test_negative_only");
        suite.Source.ShouldContain("non-negative");
        reply.Metadata.Strategy.ShouldBe("search");
    }
}
