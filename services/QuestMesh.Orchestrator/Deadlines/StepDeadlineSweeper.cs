using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Deadlines;

/// <summary>
/// Finds runs whose step deadline passed and tells each one (<see cref="StepTimedOut"/>); the saga decides
/// whether to re-send or give up. It reads the saga repository, not a memory of its own, so deadlines
/// survive a restart of the orchestrator and any replica may sweep: the saga ignores a notice whose
/// deadline it has already replaced.
/// </summary>
public sealed class StepDeadlineSweeper(
    IServiceScopeFactory scopes,
    IBus bus,
    IOptions<OrchestratorOptions> options,
    TimeProvider clock,
    ILogger<StepDeadlineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed sweep is retried at the next tick; the deadlines stay in the saga.
                logger.LogWarning(exception, "Step deadline sweep failed");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<IQuerySagaRepository<RunState>>();
        var load = scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<RunState>>();
        var now = clock.GetUtcNow();

        var overdue = await query.Find(new OverdueRunsQuery(now));
        var notified = 0;
        foreach (var runId in overdue)
        {
            var run = await load.Load(runId);
            if (run is not { DeadlineId: { } deadlineId, StepDeadline: { } deadline } || deadline >= now)
                continue;
            logger.LogInformation("Run {RunId} step deadline {Deadline} passed in state {State}", runId, deadline, run.CurrentState);
            await bus.Publish(new StepTimedOut(runId, deadlineId), cancellationToken);
            notified++;
        }
        return notified;
    }
}
