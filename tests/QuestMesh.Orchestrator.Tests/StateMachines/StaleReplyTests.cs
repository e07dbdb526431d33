using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>Replies are matched on the StepId the run awaits; anything else is a late duplicate.</summary>
public class StaleReplyTests
{
    [Fact]
    public async Task Should_ignore_a_reply_whose_step_id_is_not_awaited()
    {
        var script = new RunScript();
        script.Held.Add(typeof(GenerateTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        var generate = await host.PublishedAsync<GenerateTests>(runId);

        var stale = Generated(generate) with { StepId = Guid.NewGuid() };
        await host.Harness.Bus.Publish(stale);
        (await host.Saga.Consumed.Any<TestsGenerated>(m => m.Context.Message.StepId == stale.StepId)).ShouldBeTrue();

        var run = host.Saga.Sagas.Contains(runId).ShouldNotBeNull();
        run.CurrentState.ShouldBe("Generating");
        run.CurrentSuite.ShouldBeNull();
        host.AllPublished<AnalyzeTests>(runId).ShouldBeEmpty();

        await host.Harness.Bus.Publish(Generated(generate));
        await host.WaitForAsync(runId, m => m.Completed);
    }

    [Fact]
    public async Task Should_ignore_replies_after_the_run_ended()
    {
        await using var host = await RunHarness.StartAsync();
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);
        var execute = await host.PublishedAsync<ExecuteTests>(runId);

        await host.Harness.Bus.Publish(Replies.Executed(execute, 10, 0));
        (await host.Saga.Consumed.SelectAsync<TestsExecuted>(m => m.Context.Message.StepId == execute.StepId).Take(2).CountAsync()).ShouldBe(2);

        var run = host.Saga.Sagas.Contains(runId).ShouldNotBeNull();
        run.CurrentState.ShouldBe("Completed");
        run.BestCoverage.ShouldBe(95);
    }

    private static TestsGenerated Generated(GenerateTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, Suite = Replies.Suite(command.Attempt),
    };
}
