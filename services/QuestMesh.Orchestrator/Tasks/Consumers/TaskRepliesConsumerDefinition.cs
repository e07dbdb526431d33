using MassTransit;

namespace QuestMesh.Orchestrator.Tasks.Consumers;

/// <summary>A store that is briefly unreachable (a database restart) is tried again; the writes are idempotent.</summary>
public sealed class TaskRepliesConsumerDefinition : ConsumerDefinition<TaskRepliesConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TaskRepliesConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
}
