using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Supervisor.Consumers;

/// <summary>
/// The critique is pure and quick; a short retry covers only a transient publish failure, and the
/// concurrency limit keeps one busy run from starving the others.
/// </summary>
public sealed class CritiqueAttemptConsumerDefinition(IOptions<SupervisorOptions> options, IOptions<BusOptions> bus)
    : StepConsumerDefinition<CritiqueAttemptConsumer>(options.Value.ConcurrentSteps, bus.Value)
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CritiqueAttemptConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000));
    }
}
