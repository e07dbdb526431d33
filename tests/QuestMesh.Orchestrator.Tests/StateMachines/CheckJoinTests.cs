using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>Static analysis and execution run in parallel; the critique waits for both, in either order.</summary>
public class CheckJoinTests
{
    [Fact]
    public async Task Should_ask_for_the_critique_only_after_execution_then_analysis()
    {
        await using var host = await StartHoldingChecks();
        var runId = await host.SubmitAsync();
        var (analyze, execute) = await BothCommands(host, runId);

        await host.Harness.Bus.Publish(Replies.Executed(execute, 95, 60));
        (await host.Saga.Consumed.Any<TestsExecuted>(m => m.Context.Message.StepId == execute.StepId)).ShouldBeTrue();
        ShouldStillBeChecking(host, runId);

        await host.Harness.Bus.Publish(Replies.Analyzed(analyze));
        await host.WaitForAsync(runId, m => m.Completed);
        host.AllPublished<CritiqueAttempt>(runId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_ask_for_the_critique_only_after_analysis_then_execution()
    {
        await using var host = await StartHoldingChecks();
        var runId = await host.SubmitAsync();
        var (analyze, execute) = await BothCommands(host, runId);

        await host.Harness.Bus.Publish(Replies.Analyzed(analyze));
        (await host.Saga.Consumed.Any<TestsAnalyzed>(m => m.Context.Message.StepId == analyze.StepId)).ShouldBeTrue();
        ShouldStillBeChecking(host, runId);

        await host.Harness.Bus.Publish(Replies.Executed(execute, 95, 60));
        await host.WaitForAsync(runId, m => m.Completed);
        var critique = await host.PublishedAsync<CritiqueAttempt>(runId);
        critique.Static.TestCount.ShouldBe(1);
        critique.TargetCode.ShouldNotBeNull().ShouldStartWith("def f(x):");
        critique.Execution.Coverage.ShouldNotBeNull().Percent.ShouldBe(95);
        host.AllPublished<CritiqueAttempt>(runId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_ignore_a_duplicate_of_a_reply_already_joined()
    {
        await using var host = await StartHoldingChecks();
        var runId = await host.SubmitAsync();
        var (analyze, execute) = await BothCommands(host, runId);

        await host.Harness.Bus.Publish(Replies.Executed(execute, 95, 60));
        await host.Harness.Bus.Publish(Replies.Executed(execute, 10, 0));
        (await host.Saga.Consumed.SelectAsync<TestsExecuted>(m => m.Context.Message.StepId == execute.StepId).Take(2).CountAsync()).ShouldBe(2);
        await host.Harness.Bus.Publish(Replies.Analyzed(analyze));

        var run = await host.WaitForAsync(runId, m => m.Completed);
        run.BestCoverage.ShouldBe(95);
    }

    private static async Task<RunHarness> StartHoldingChecks()
    {
        var script = new RunScript();
        script.Held.Add(typeof(AnalyzeTests));
        script.Held.Add(typeof(ExecuteTests));
        return await RunHarness.StartAsync(script);
    }

    private static async Task<(AnalyzeTests, ExecuteTests)> BothCommands(RunHarness host, Guid runId) =>
        (await host.PublishedAsync<AnalyzeTests>(runId), await host.PublishedAsync<ExecuteTests>(runId));

    private static void ShouldStillBeChecking(RunHarness host, Guid runId)
    {
        var run = host.Saga.Sagas.Contains(runId).ShouldNotBeNull();
        run.CurrentState.ShouldBe("Checking");
        host.AllPublished<CritiqueAttempt>(runId).ShouldBeEmpty();
    }
}
