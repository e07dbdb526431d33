using QuestMesh.IntegrationTests.Support;

namespace QuestMesh.IntegrationTests.Runs;

/// <summary>
/// Runs with the five worker services as real processes (<c>dotnet questmesh-runner.dll</c> …) over
/// RabbitMQ and the saga in PostgreSQL in the test's own host: a whole run, runners that die or are
/// stopped in the middle of a step, and runners sharing many runs.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class ServiceProcessRunTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_complete_a_run_with_every_worker_in_a_process_of_its_own()
    {
        await using var services = await DeployedServices.StartAsync(infrastructure);

        var submit = await services.SubmitAsync();

        await services.CompletedOnceAsync(submit.RunId);
        services.Runners.Single().LinesWith($"Run {submit.RunId} attempt 0: step ", " suite ").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_complete_a_run_when_the_runner_executing_its_step_is_killed()
    {
        await using var services = await DeployedServices.StartAsync(infrastructure, runners: 2);
        var (submit, victim, stepId) = await services.SubmitUntilExecutingAsync();

        victim.Kill();

        await victim.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await services.CompletedOnceAsync(submit.RunId);
        ShouldHaveHandedOver(stepId, victim, services.Runners.Single(r => r != victim));
    }

    [Fact]
    public async Task Should_finish_the_step_in_flight_when_a_runner_is_stopped()
    {
        await using var services = await DeployedServices.StartAsync(infrastructure, runners: 2);
        var (submit, stopped, stepId) = await services.SubmitUntilExecutingAsync();

        stopped.Terminate();

        (await stopped.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, stopped.Tail());
        stopped.LinesWith($"step {stepId} suite ").ShouldHaveSingleItem(stopped.Tail());
        await services.CompletedOnceAsync(submit.RunId);
        services.Runners.Single(r => r != stopped).LinesWith($"executing step {stepId}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_hand_the_step_back_when_a_runner_is_stopped_past_its_shutdown_timeout()
    {
        var noGrace = new Dictionary<string, string?> { ["Bus:ShutdownTimeoutSeconds"] = "0" };
        await using var services = await DeployedServices.StartAsync(infrastructure, runners: 2, noGrace);
        var (submit, stopped, stepId) = await services.SubmitUntilExecutingAsync();

        stopped.Terminate();

        (await stopped.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, stopped.Tail());
        await services.CompletedOnceAsync(submit.RunId);
        ShouldHaveHandedOver(stepId, stopped, services.Runners.Single(r => r != stopped));
    }

    [Fact]
    public async Task Should_complete_twenty_runs_submitted_at_once_with_two_runners_sharing_the_work()
    {
        await using var services = await DeployedServices.StartAsync(infrastructure, runners: 2);
        var quick = ShopRuns.Small with { SearchBudgetSeconds = 2, MaxMutants = 10 };

        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => services.SubmitAsync(quick)));

        foreach (var run in runs)
            await services.CompletedOnceAsync(run.RunId, TimeSpan.FromMinutes(15));
        var executedBy = services.Runners.ToDictionary(r => r.Name,
            r => runs.Count(run => r.LinesWith($"Run {run.RunId} attempt 0: step ", " suite ").Count > 0));
        var perRunner = string.Join(", ", executedBy);
        executedBy.Values.ShouldAllBe(steps => steps > 0, $"runs executed per runner: {perRunner}");
        executedBy.Values.Sum().ShouldBe(runs.Length, $"runs executed per runner: {perRunner}");
    }

    /// <summary>
    /// <paramref name="from"/> never finished the step; <paramref name="to"/> received the same message again
    /// (not a re-send with a new StepId: the broker handed the unacknowledged step over) and executed it once.
    /// </summary>
    private static void ShouldHaveHandedOver(Guid stepId, ServiceProcess from, ServiceProcess to)
    {
        from.LinesWith($"step {stepId} suite ").ShouldBeEmpty(from.Tail());
        to.LinesWith($"executing step {stepId} (redelivered: True)").ShouldNotBeEmpty(to.Tail());
        to.LinesWith($"step {stepId} suite ").ShouldHaveSingleItem(to.Tail());
    }
}
