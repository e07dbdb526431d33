using MassTransit;

namespace QuestMesh.ServiceDefaults.Tests;

public class StepConsumerDefinitionTests
{
    [Fact]
    public void Should_take_from_the_broker_no_more_steps_than_it_works_on_by_default()
    {
        IConsumerDefinition definition = new ExecuteStepConsumerDefinition(3, new BusOptions());

        definition.ConcurrentMessageLimit.ShouldBe(3);
        definition.EndpointDefinition.ShouldNotBeNull().ConcurrentMessageLimit.ShouldBe(3);
        definition.EndpointDefinition.PrefetchCount.ShouldBe(3);
    }

    [Fact]
    public void Should_take_Bus_PrefetchCount_steps_ahead_when_it_is_set()
    {
        IConsumerDefinition definition = new ExecuteStepConsumerDefinition(3, new BusOptions { PrefetchCount = 10 });

        definition.EndpointDefinition.ShouldNotBeNull().PrefetchCount.ShouldBe(10);
        definition.ConcurrentMessageLimit.ShouldBe(3);
    }

    [Fact]
    public void Should_name_the_queue_after_the_consumer_alone_so_every_process_of_a_service_shares_it()
    {
        IConsumerDefinition first = new ExecuteStepConsumerDefinition(1, new BusOptions());
        IConsumerDefinition second = new ExecuteStepConsumerDefinition(8, new BusOptions { PrefetchCount = 20 });

        first.GetEndpointName(KebabCaseEndpointNameFormatter.Instance).ShouldBe("execute-step");
        second.GetEndpointName(KebabCaseEndpointNameFormatter.Instance).ShouldBe("execute-step");
        first.EndpointDefinition.ShouldNotBeNull().IsTemporary.ShouldBeFalse();
    }

    [Fact]
    public void Should_refuse_a_service_that_works_on_no_step_at_all()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ExecuteStepConsumerDefinition(0, new BusOptions()));
    }
}

public sealed record ExecuteStep(Guid StepId);

public sealed class ExecuteStepConsumer : IConsumer<ExecuteStep>
{
    public Task Consume(ConsumeContext<ExecuteStep> context) => Task.CompletedTask;
}

public sealed class ExecuteStepConsumerDefinition(int concurrentSteps, BusOptions bus)
    : StepConsumerDefinition<ExecuteStepConsumer>(concurrentSteps, bus);
