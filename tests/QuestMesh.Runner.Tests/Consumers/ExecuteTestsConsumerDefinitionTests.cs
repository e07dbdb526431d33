using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Runner.Consumers;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner.Tests.Consumers;

public class ExecuteTestsConsumerDefinitionTests
{
    [Fact]
    public void Should_execute_one_step_per_core_from_the_queue_every_runner_shares_by_default()
    {
        IConsumerDefinition definition = new ExecuteTestsConsumerDefinition(Options.Create(new RunnerOptions()), Options.Create(new BusOptions()));

        definition.GetEndpointName(KebabCaseEndpointNameFormatter.Instance).ShouldBe("execute-tests");
        definition.ConcurrentMessageLimit.ShouldBe(Environment.ProcessorCount);
        definition.EndpointDefinition.ShouldNotBeNull().PrefetchCount.ShouldBe(Environment.ProcessorCount);
    }
}
