using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Generator.Tasks;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

/// <param name="bus">The bus itself, so that <see cref="TaskWorkStarted"/> leaves at once instead of with the reply (the endpoint's outbox holds the reply).</param>
public sealed class RecommendTestsConsumer(TestRecommender recommender, CompletedSteps steps, IBus bus) : IConsumer<RecommendTests>
{
    public async Task Consume(ConsumeContext<RecommendTests> context)
    {
        var command = context.Message;
        await bus.Publish(new TaskWorkStarted(command.TaskId), context.CancellationToken);
        var reply = await steps.OnceAsync(command.TaskId, () => recommender.RecommendAsync(command, context.CancellationToken));
        await context.Publish(reply);
    }
}
