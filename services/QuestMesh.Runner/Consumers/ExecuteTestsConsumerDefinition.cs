using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Runner.Consumers;

public sealed class ExecuteTestsConsumerDefinition : ConsumerDefinition<ExecuteTestsConsumer>
{
    public ExecuteTestsConsumerDefinition(IOptions<RunnerOptions> options)
    {
        ConcurrentMessageLimit = options.Value.MaxConcurrentExecutions;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExecuteTestsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Suite problems are answered in the reply; what reaches this policy is the machine (disk, processes).
        // A missing interpreter or sandbox does not come back by itself, so it faults at once.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<PythonEnvironmentException>();
            r.Ignore<SandboxUnavailableException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
