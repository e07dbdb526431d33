using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

public class CancellationTests
{
    [Fact]
    public async Task Should_cancel_a_run_in_flight_and_ignore_its_late_replies()
    {
        var script = new RunScript();
        script.Held.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        var execute = await host.PublishedAsync<ExecuteTests>(runId);

        await host.Harness.Bus.Publish(new CancelRun(runId, "user pressed ctrl-c"));
        var run = await host.WaitForAsync(runId, m => m.Cancelled);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe(TerminationReasons.Cancelled);
        failed.Detail.ShouldBe("user pressed ctrl-c");
        run.StepDeadline.ShouldBeNull();
        var changed = await host.PublishedAsync<RunStateChanged>(runId, c => c.State == "Cancelled");
        changed.Status.ShouldBe("cancelled");

        await host.Harness.Bus.Publish(Replies.Executed(execute, 95, 60));
        (await host.Saga.Consumed.Any<TestsExecuted>(m => m.Context.Message.StepId == execute.StepId)).ShouldBeTrue();
        host.Saga.Sagas.Contains(runId).ShouldNotBeNull().CurrentState.ShouldBe("Cancelled");
        host.AllPublished<CritiqueAttempt>(runId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_tell_the_best_passing_suite_so_far_when_a_run_is_cancelled_after_an_attempt()
    {
        var script = new RunScript { Figures = [(50, 30)] };
        script.Held.Add(typeof(EnhanceTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        await host.PublishedAsync<EnhanceTests>(runId);

        await host.Harness.Bus.Publish(new CancelRun(runId, "its budget of 40 s was spent"));
        await host.WaitForAsync(runId, m => m.Cancelled);
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Reason.ShouldBe(TerminationReasons.Cancelled);
        failed.Best.ShouldNotBeNull().Attempt.ShouldBe(0);
        failed.Best.Coverage.ShouldBe(50);
        failed.Suite.ShouldNotBeNull().Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Should_tell_no_suite_when_a_run_is_cancelled_before_any_attempt_passed()
    {
        var script = new RunScript();
        script.Held.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        await host.PublishedAsync<ExecuteTests>(runId);

        await host.Harness.Bus.Publish(new CancelRun(runId, "user pressed ctrl-c"));
        var failed = await host.PublishedAsync<RunFailed>(runId);

        failed.Best.ShouldBeNull();
        failed.Suite.ShouldBeNull();
    }
}
