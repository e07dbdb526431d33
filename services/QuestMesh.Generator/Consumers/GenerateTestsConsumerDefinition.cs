using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestsConsumerDefinition : ConsumerDefinition<GenerateTestsConsumer>
{
    public GenerateTestsConsumerDefinition(IOptions<GeneratorOptions> options)
    {
        ConcurrentMessageLimit = options.Value.MaxConcurrentGenerations;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerateTestsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Generation problems are answered in the reply; a missing interpreter or sandbox does not come back by itself.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<PythonEnvironmentException>();
            r.Ignore<SandboxUnavailableException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
