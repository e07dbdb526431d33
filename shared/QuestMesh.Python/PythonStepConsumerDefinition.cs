using MassTransit;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Python;

/// <summary>
/// Endpoint policy of every consumer that drives the harness. Problems of a suite are answered in the
/// reply; what reaches this policy is the machine (disk, processes), retried twice. A missing
/// interpreter or sandbox does not come back by itself, so it faults at once. Replies leave only after
/// the consumer finished (in-memory outbox).
/// </summary>
public abstract class PythonStepConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected PythonStepConsumerDefinition(int concurrentMessageLimit)
    {
        if (concurrentMessageLimit > 0)
            ConcurrentMessageLimit = concurrentMessageLimit;
    }

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
