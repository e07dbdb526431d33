using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.StaticAnalysis.Consumers;

public sealed class AnalyzeTestsConsumerDefinition : ConsumerDefinition<AnalyzeTestsConsumer>
{
    public AnalyzeTestsConsumerDefinition(IOptions<StaticAnalysisOptions> options)
    {
        ConcurrentMessageLimit = options.Value.MaxConcurrentAnalyses;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyzeTestsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Suite problems are answered in the reply; a missing interpreter or sandbox does not come back by itself.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<PythonEnvironmentException>();
            r.Ignore<SandboxUnavailableException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
