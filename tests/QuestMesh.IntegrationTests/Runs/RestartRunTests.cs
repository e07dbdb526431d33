using QuestMesh.IntegrationTests.Support;

namespace QuestMesh.IntegrationTests.Runs;

/// <summary>
/// Runs across restarts, every service a process of its own or a host of its own over RabbitMQ and the
/// saga in PostgreSQL: the orchestrator killed between two steps and started again, and RabbitMQ
/// stopped and started while a step is in flight. Each run completes once, with its one attempt counted
/// once and no artifact or <c>events.log</c> line written twice.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class RestartRunTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_complete_a_run_when_the_orchestrator_is_killed_between_two_steps_and_started_again()
    {
        await using var services = await DeployedServices.StartAsync(infrastructure, orchestratorProcess: true);
        // The runner executes only what the orchestrator sent after it handled the generated suite and saved the run.
        var (submit, runner, stepId) = await services.SubmitUntilExecutingAsync();
        (await services.Hosts.EventLinesAsync(submit.RunId)).ShouldContain(line => line.Contains(" state=Checking ", StringComparison.Ordinal));
        var killed = services.Orchestrators.Single();

        killed.Kill();

        await killed.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var restarted = await services.StartOrchestratorAsync();
        await services.CompletedOnceAsync(submit.RunId);
        restarted.HasExited.ShouldBeFalse(restarted.Tail());
        // The reply waited in the queue for the new orchestrator: the step was neither re-sent nor run again.
        runner.LinesWith($"Run {submit.RunId} attempt 0: executing step ").ShouldHaveSingleItem(runner.Tail());
        runner.LinesWith($"step {stepId} suite ").ShouldHaveSingleItem(runner.Tail());
    }

    [Fact]
    public async Task Should_complete_a_run_when_rabbitmq_restarts_while_a_step_is_in_flight()
    {
        await using var rabbitMq = await RestartableBroker.StartAsync(infrastructure.Settings);
        await using var services = await DeployedServices.StartAsync(infrastructure, broker: rabbitMq.Broker);
        var (submit, runner, stepId) = await services.SubmitUntilExecutingAsync();

        await rabbitMq.RestartAsync();

        services.Hosts.Ends.CountOf(submit.RunId).ShouldBe(0, "the run ended before the broker was back");
        await services.CompletedOnceAsync(submit.RunId);
        // The broker kept the unacknowledged step through its restart and delivered it again.
        runner.LinesWith($"executing step {stepId} (redelivered: True)").ShouldNotBeEmpty(runner.Tail());
    }
}
