using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>Whole runs against scripted workers: how each one ends.</summary>
public class RunFlowTests
{
    [Fact]
    public async Task Should_complete_with_targets_met_on_attempt_0()
    {
        await using var host = await RunHarness.StartAsync(new RunScript { Figures = [(95, 60)] });
        var runId = await host.SubmitAsync();

        var run = await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Reason.ShouldBe(TerminationReasons.TargetsMet);
        completed.TargetsMet.ShouldBeTrue();
        completed.Best.Attempt.ShouldBe(0);
        completed.Best.Coverage.ShouldBe(95);
        completed.Suite.ShouldNotBeNull().Source.ShouldContain("test_attempt_0");
        completed.Attempts.Count.ShouldBe(1);
        host.AllPublished<EnhanceTests>(runId).ShouldBeEmpty();
        run.TerminationReason.ShouldBe(TerminationReasons.TargetsMet);
        run.StepDeadline.ShouldBeNull();
    }

    [Fact]
    public async Task Should_finish_with_no_progress_when_attempts_stall()
    {
        var script = new RunScript { Figures = [(50, 20), (60, 25), (60.5, 26), (60.8, 27)] };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 6 });

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Reason.ShouldBe(TerminationReasons.NoProgress);
        completed.TargetsMet.ShouldBeFalse();
        completed.Attempts.Select(a => a.Attempt).ShouldBe([0, 1, 2, 3]);
        completed.Best.Attempt.ShouldBe(3);
        host.AllPublished<EnhanceTests>(runId).Select(e => e.Attempt).ShouldBe([1, 2, 3], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_finish_with_max_attempts_when_the_budget_is_spent()
    {
        var script = new RunScript { Figures = [(50, 20), (60, 30), (70, 40)] };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 3 });

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Reason.ShouldBe(TerminationReasons.MaxAttempts);
        completed.Attempts.Count.ShouldBe(3);
        completed.Best.Coverage.ShouldBe(70);
        completed.Suite.ShouldNotBeNull().Source.ShouldContain("test_attempt_2");
    }

    [Fact]
    public async Task Should_keep_the_best_suite_when_a_later_attempt_is_worse()
    {
        var script = new RunScript { Figures = [(80, 40), (70, 30), (75, 35)] };
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync(new RunSettings { MaxAttempts = 3 });

        var run = await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Reason.ShouldBe(TerminationReasons.MaxAttempts);
        completed.Best.Attempt.ShouldBe(0);
        completed.Best.Coverage.ShouldBe(80);
        completed.Suite.ShouldNotBeNull().Source.ShouldBe(Replies.Suite(0).Source);
        // Attempt 2 builds on the best suite (attempt 0's), not on the worse attempt 1.
        var enhance = await host.PublishedAsync<EnhanceTests>(runId, e => e.Attempt == 2);
        enhance.Suite.Source.ShouldBe(Replies.Suite(0).Source);
        run.BestAttempt.ShouldBe(0);
        File.ReadAllText(host.ArtifactPath(runId, "final/" + Replies.SuiteFile)).ShouldBe(Replies.Suite(0).Source);
    }

    [Fact]
    public async Task Should_fix_a_failing_suite_and_check_the_same_attempt_again()
    {
        var script = new RunScript { Figures = [(95, 60)] };
        script.FailingAttempts.Add(0);
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();

        var run = await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        var fix = await host.PublishedAsync<FixTests>(runId);
        fix.Attempt.ShouldBe(0);
        fix.FixRound.ShouldBe(1);
        fix.Execution.Status.ShouldBe("failed");
        var executions = host.AllPublished<ExecuteTests>(runId);
        executions.Count.ShouldBe(2);
        executions.ShouldAllBe(e => e.Attempt == 0);
        executions.Select(e => e.StepId).Distinct().Count().ShouldBe(2);
        executions.ShouldContain(e => e.Suite.Source.Contains("# fixed"));
        host.AllPublished<AnalyzeTests>(runId).Count.ShouldBe(2);
        completed.Reason.ShouldBe(TerminationReasons.TargetsMet);
        completed.Suite.ShouldNotBeNull().Source.ShouldContain("# fixed");
        run.FixRound.ShouldBe(1);
    }

    [Fact]
    public async Task Should_fail_when_the_first_generation_errors()
    {
        var script = new RunScript();
        script.GenerationErrors[0] = "model endpoint refused the key";
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Failed);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe(TerminationReasons.Failed("generate"));
        failed.Detail.ShouldBe("model endpoint refused the key");
    }

    [Fact]
    public async Task Should_complete_with_the_best_suite_when_an_enhancement_errors()
    {
        var script = new RunScript { Figures = [(50, 20)] };
        script.GenerationErrors[1] = "rate limited";
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.Reason.ShouldBe(TerminationReasons.Failed("enhance"));
        completed.Suite.ShouldNotBeNull().Source.ShouldBe(Replies.Suite(0).Source);
    }

    [Fact]
    public async Task Should_fail_when_a_worker_faults_on_the_awaited_command()
    {
        var script = new RunScript();
        script.Throws.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();

        await host.WaitForAsync(runId, m => m.Failed);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe(TerminationReasons.Failed("execute-fault"));
        failed.Detail.ShouldNotBeNull().ShouldContain("scripted failure of ExecuteTests");
    }
}
