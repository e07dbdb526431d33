using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Generator.Tasks;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

/// <param name="bus">The bus itself, so that <see cref="TaskWorkStarted"/> leaves at once instead of with the reply (the endpoint's outbox holds the reply).</param>
public sealed class GenerateTestFileConsumer(TestFileWriter writer, CompletedSteps steps, IBus bus) : IConsumer<GenerateTestFile>
{
    public async Task Consume(ConsumeContext<GenerateTestFile> context)
    {
        var command = context.Message;
        await bus.Publish(new TaskWorkStarted(command.TaskId), context.CancellationToken);
        var reply = await steps.OnceAsync(command.TaskId, () => writer.GenerateAsync(command, context.CancellationToken));
        await context.Publish(reply);
    }
}
