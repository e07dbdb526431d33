using MassTransit;

namespace QuestMesh.Orchestrator.StateMachines;

/// <summary>
/// The run saga's endpoint policy. A concurrent update of one run (optimistic concurrency on
/// <see cref="RunState.RowVersion"/> once persisted) fails the message; the retry re-runs it on fresh
/// state. The in-memory outbox holds the commands back until the new state is saved, so a command is
/// never out before the StepId it carries is recorded.
/// </summary>
public sealed class RunStateDefinition : SagaDefinition<RunState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<RunState> sagaConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            // DbUpdateException (EF Core) is not referenced here yet: match it by name so the policy
            // is in place before the PostgreSQL repository is.
            r.Handle<Exception>(e => IsConcurrencyConflict(e));
            r.Intervals(50, 100, 250, 500, 1000);
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }

    private static bool IsConcurrencyConflict(Exception exception)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name is "DbUpdateException" or "DbUpdateConcurrencyException")
                return true;
        }
        return false;
    }
}
