using MassTransit;
using Microsoft.Extensions.Options;

namespace QuestMesh.Fixer.Consumers;

/// <summary>
/// Fixing runs Python processes, so few run at once. One quick retry covers a transient failure (a
/// process that could not start); permanent ones are answered with an error reply by the fixer itself.
/// </summary>
public sealed class FixTestsConsumerDefinition : ConsumerDefinition<FixTestsConsumer>
{
    public FixTestsConsumerDefinition(IOptions<FixerOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FixTestsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<OperationCanceledException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
    }
}
