using MassTransit;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Generator.Strategies;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestsConsumer(TestGeneration generation, CompletedSteps steps, ILogger<GenerateTestsConsumer> logger)
    : IConsumer<GenerateTests>
{
    public async Task Consume(ConsumeContext<GenerateTests> context)
    {
        var command = context.Message;
        // A redelivered command gets the reply it already had; a second search would cost the whole budget again.
        if (command.StepId != Guid.Empty && steps.TryGet<TestsGenerated>(command.StepId, out var done))
        {
            logger.LogInformation("Run {RunId} attempt {Attempt}: step {StepId} already generated, answering again",
                command.RunId, command.Attempt, command.StepId);
            await context.Publish(done);
            return;
        }

        var reply = await generation.RunAsync(GenerationRequest.From(command), context.CancellationToken);
        if (command.StepId != Guid.Empty)
            steps.Remember(command.StepId, reply);
        await context.Publish(reply);
    }
}
