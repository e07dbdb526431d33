using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Generator.Strategies;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestsConsumer(TestGeneration generation, CompletedSteps steps)
    : IConsumer<GenerateTests>
{
    public async Task Consume(ConsumeContext<GenerateTests> context)
    {
        var command = context.Message;
        // A redelivered command gets the reply it already had; a second search would cost the whole budget again.
        var reply = await steps.OnceAsync(command.StepId, () => generation.RunAsync(GenerationRequest.From(command), context.CancellationToken));
        await context.Publish(reply);
    }
}
