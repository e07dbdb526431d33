using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace QuestMesh.Orchestrator.StateMachines;

/// <summary>
/// The run saga's endpoint policy. A concurrent update of one run (optimistic concurrency on
/// <see cref="RunState.RowVersion"/> once persisted) fails the message; the retry re-runs it on fresh
/// state, the artifacts it wrote rolled back with the row. The in-memory outbox holds the commands back
/// until the new state is saved, so a command is never out before the StepId it carries is recorded.
/// <see cref="OrchestratorOptions.SagaConcurrency"/> messages are handled at once.
/// </summary>
public sealed class RunStateDefinition : SagaDefinition<RunState>
{
    public RunStateDefinition(IOptions<OrchestratorOptions> options)
    {
        var concurrency = options.Value.SagaConcurrency;
        ConcurrentMessageLimit = concurrency;
        Endpoint(e =>
        {
            e.ConcurrentMessageLimit = concurrency;
            e.PrefetchCount = concurrency;
        });
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<RunState> sagaConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<DbUpdateException>();
            // Two messages of one run writing the same artifacts in their transactions, in different orders.
            r.Handle<PostgresException>(e => e.SqlState == PostgresErrorCodes.DeadlockDetected);
            r.Intervals(50, 100, 250, 500, 1000);
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
