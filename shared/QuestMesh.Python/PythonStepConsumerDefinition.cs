using MassTransit;
using QuestMesh.Python.Sandboxing;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Python;

/// <summary>
/// Endpoint policy of every consumer that drives the harness. Problems of a suite are answered in the
/// reply; what reaches this policy is the machine (disk, processes), retried twice. A missing
/// interpreter or sandbox does not come back by itself, so it faults at once; a step cancelled because
/// the host stops is not retried either: its message goes back to the broker for another worker.
/// Replies leave only after the consumer finished (in-memory outbox).
/// </summary>
public abstract class PythonStepConsumerDefinition<TConsumer>(int concurrentSteps, BusOptions bus)
    : StepConsumerDefinition<TConsumer>(concurrentSteps, bus)
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<PythonEnvironmentException>();
            r.Ignore<SandboxUnavailableException>();
            r.Ignore<OperationCanceledException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
