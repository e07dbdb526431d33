using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

/// <summary>The final suite from real attempts' suites, run by the real harness in the sandbox.</summary>
public sealed class FinalizeSuiteConsumerTests : IAsyncLifetime
{
    private const string Sign = """
        def sign(x):
            if x > 0:
                return 1
            if x < 0:
                return -1
            return 0
        """;

    // Attempt 0 (the best): the positive and zero cases, one of them twice over.
    private const string Attempt0 = """
        from calc import sign


        def test_positive():
            assert sign(3) == 1


        def test_positive_again():
            assert sign(5) == 1


        def test_zero():
            assert sign(0) == 0
        """;

    // Attempt 1: built on attempt 0's suite (its tests unchanged) and adding the negative case.
    private const string Attempt1 = """
        from calc import sign


        def test_positive():
            assert sign(3) == 1


        def test_negative():
            assert sign(-2) == -1
        """;

    private readonly PythonProject _project = PythonProject.Create(("calc.py", Sign));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddRunner());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    private async Task<SuiteFinalized> FinalizeAsync(params (int Attempt, string Source)[] suites)
    {
        var command = new FinalizeSuite
        {
            RunId = Guid.NewGuid(),
            StepId = Guid.NewGuid(),
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = _project.Path },
            TargetFile = "calc.py",
            Suites = suites.Select(s => new AttemptSuite(s.Attempt, new TestSuite("tests/test_calc.py", s.Source))).ToList(),
        };
        await _host.Harness.Bus.Publish(command);
        return await _host.ReplyAsync<SuiteFinalized, FinalizeSuite>(r => r.StepId == command.StepId);
    }

    [Fact]
    public async Task Should_unite_the_attempts_drop_what_adds_nothing_and_credit_each_test_to_its_attempt()
    {
        var reply = await FinalizeAsync((0, Attempt0), (1, Attempt1));

        reply.Error.ShouldBeNull();
        var source = reply.Suite.ShouldNotBeNull().Source;
        source.ShouldContain("def test_negative():");
        source.ShouldContain("def test_zero():");
        source.ShouldContain("def test_positive():");
        source.ShouldNotContain("test_positive_again");  // the same arcs as test_positive, and no kill of its own
        reply.Dropped.ShouldBe(["test_positive_again"]);
        var report = reply.Execution.ShouldNotBeNull();
        report.Status.ShouldBe(ExecutionStatus.Passed);
        report.Coverage.ShouldNotBeNull().Percent.ShouldBe(100.0);
        report.Coverage.TestArcs.ShouldBeNull();  // used to minimise, not handed on
        report.Mutation.ShouldNotBeNull().Score.ShouldBeGreaterThan(0);
        reply.Contributions.ShouldBe([new SuiteContribution(0, 2), new SuiteContribution(1, 1)]);
    }

    [Fact]
    public async Task Should_say_why_when_the_union_does_not_pass_together()
    {
        const string broken = """
            from calc import sign


            def test_wrong():
                assert sign(1) == 2
            """;

        var reply = await FinalizeAsync((0, Attempt0), (1, broken));

        reply.Suite.ShouldBeNull();
        reply.Error.ShouldNotBeNull().ShouldStartWith("the union of the attempts' suites does not pass together");
    }
}
