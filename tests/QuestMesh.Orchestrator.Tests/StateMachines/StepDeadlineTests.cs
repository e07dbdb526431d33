using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>The sweeper re-sends a step whose deadline passed, with a new StepId, up to the retry limit.</summary>
public class StepDeadlineTests
{
    private static readonly Dictionary<string, string?> ShortDeadlines = new()
    {
        ["Orchestrator:SweepInterval"] = "00:00:00.050",
        ["Orchestrator:StepTimeouts:Generate"] = "00:00:00.300",
        ["Orchestrator:StepTimeouts:Static"] = "00:00:00.300",
        ["Orchestrator:StepTimeouts:Execute"] = "00:00:00.300",
        ["Orchestrator:StepRetryLimit"] = "1",
    };

    [Fact]
    public async Task Should_resend_a_lost_command_with_a_new_step_id()
    {
        var script = new RunScript();
        script.Drops[typeof(GenerateTests)] = 1;
        await using var host = await RunHarness.StartAsync(script, ShortDeadlines);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Completed);

        var sends = host.AllPublished<GenerateTests>(runId);
        sends.Count.ShouldBe(2);
        sends.Select(s => s.StepId).Distinct().Count().ShouldBe(2);
        sends.ShouldAllBe(s => s.Attempt == 0);
        (await host.PublishedAsync<RunCompleted>(runId)).Reason.ShouldBe(TerminationReasons.TargetsMet);
        (await host.PublishedAsync<RunStateChanged>(runId, c => c.Status == "step-timeout")).Detail.ShouldBe("re-sending generate (retry 1 of 1)");
    }

    [Fact]
    public async Task Should_resend_only_the_unanswered_half_of_a_check()
    {
        var script = new RunScript();
        script.Drops[typeof(ExecuteTests)] = 1;
        await using var host = await RunHarness.StartAsync(script, ShortDeadlines);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Completed);

        host.AllPublished<ExecuteTests>(runId).Count.ShouldBe(2);
        host.AllPublished<AnalyzeTests>(runId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_fail_the_run_once_the_retry_limit_is_spent()
    {
        var script = new RunScript();
        script.Held.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script, ShortDeadlines);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Failed);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe("failed:step-timeout:execute");
        host.AllPublished<ExecuteTests>(runId).Count.ShouldBe(2);
    }

    /// <summary>
    /// The static half answers only after a re-send; the execute half never does. Its retries are not
    /// reset by its partner's late answer, so it is sent limit + 1 times, not more.
    /// </summary>
    [Fact]
    public async Task Should_keep_counting_a_halfs_retries_when_the_other_half_answers_late()
    {
        var script = new RunScript();
        script.Drops[typeof(AnalyzeTests)] = 1;
        script.Held.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script, ShortDeadlines);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Failed);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe("failed:step-timeout:execute");
        host.AllPublished<AnalyzeTests>(runId).Count.ShouldBe(2);
        host.AllPublished<ExecuteTests>(runId).Count.ShouldBe(2);
    }
}
