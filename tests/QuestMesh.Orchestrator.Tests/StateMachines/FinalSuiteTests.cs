using System.Text.Json;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>
/// Never worse: with several passing attempts the run asks the runner for their union and hands it over only when
/// it is at least as good as the best attempt; otherwise, or when no union comes back, the best attempt's suite stands.
/// </summary>
public class FinalSuiteTests
{
    [Fact]
    public async Task Should_hand_over_the_union_of_the_attempts_when_it_beats_the_best_one()
    {
        var script = new RunScript { Figures = [(80, 40), (70, 30), (75, 35)], UnionFigures = (85, 45) };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 3 });

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);
        var finalize = await host.PublishedAsync<FinalizeSuite>(runId);

        // The best attempt's suite first, then the others in order.
        finalize.Suites.Select(s => s.Attempt).ShouldBe([0, 1, 2]);
        completed.Best.Attempt.ShouldBe(0);
        completed.Final.ShouldNotBeNull().Coverage.ShouldBe(85);
        completed.Suite.ShouldNotBeNull().Source.ShouldStartWith("# union\n");
        completed.Contributions.Select(c => c.Attempt).ShouldBe([0, 1, 2]);
        completed.FinalNote.ShouldNotBeNull().ShouldContain("1 redundant tests left out");
        File.ReadAllText(host.ArtifactPath(runId, "final/" + Replies.SuiteFile)).ShouldStartWith("# union\n");
        using var summary = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "run_summary.json")));
        var final = summary.RootElement.GetProperty("final");
        final.GetProperty("source").GetString().ShouldBe("union");
        final.GetProperty("figures").GetProperty("coverage").GetDouble().ShouldBe(85);
        final.GetProperty("contributions").GetArrayLength().ShouldBe(3);
        final.GetProperty("dropped_tests").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData(79.9, 45.0)]  // less coverage than the best attempt
    [InlineData(85.0, 39.9)]  // a lower mutation score
    public async Task Should_keep_the_best_attempts_suite_when_the_union_is_worse(double coverage, double mutation)
    {
        var script = new RunScript { Figures = [(80, 40), (70, 30)], UnionFigures = (coverage, mutation) };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 2 });

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Final.ShouldBeNull();
        completed.Suite.ShouldNotBeNull().Source.ShouldBe(Replies.Suite(0).Source);
        completed.FinalNote.ShouldNotBeNull().ShouldStartWith("the best attempt's suite stands: the union of the attempts reached");
        using var summary = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "run_summary.json")));
        summary.RootElement.GetProperty("final").GetProperty("source").GetString().ShouldBe("best-attempt");
    }

    [Fact]
    public async Task Should_keep_the_best_attempts_suite_when_no_union_could_be_made()
    {
        var script = new RunScript { Figures = [(80, 40), (70, 30)] };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 2 });

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Suite.ShouldNotBeNull().Source.ShouldBe(Replies.Suite(0).Source);
        completed.FinalNote.ShouldBe("the best attempt's suite stands: scripted: the union failed together");
    }

    [Fact]
    public async Task Should_not_ask_for_a_union_with_a_single_passing_attempt()
    {
        await using var host = await RunHarness.StartAsync(new RunScript { Figures = [(95, 60)] });
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Completed);

        host.AllPublished<FinalizeSuite>(runId).ShouldBeEmpty();
        (await host.PublishedAsync<RunCompleted>(runId)).FinalNote.ShouldBeNull();
    }
}
