using MassTransit;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// Endpoint policy every worker's step consumer shares: how many steps one process works on at once
/// (its service's <c>ConcurrentSteps</c>) and how many it takes from the broker ahead
/// (<c>Bus:PrefetchCount</c>). The queue is named after the consumer only (<c>execute-tests</c>), never
/// after the process, so every process of a service competes for the same queue.
/// </summary>
public abstract class StepConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected StepConsumerDefinition(int concurrentSteps, BusOptions bus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentSteps, 1);
        ConcurrentMessageLimit = concurrentSteps;
        Endpoint(e =>
        {
            e.ConcurrentMessageLimit = concurrentSteps;
            e.PrefetchCount = bus.PrefetchCount > 0 ? bus.PrefetchCount : concurrentSteps;
        });
    }
}
