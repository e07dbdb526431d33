using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Fixer.Fixing;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Fixer.Consumers;

/// <summary>
/// Repairs a failing suite and replies with <see cref="TestsFixed"/>. A redelivered command (same
/// <c>StepId</c>) gets the reply already made, without running the suite again.
/// </summary>
public sealed class FixTestsConsumer(SuiteFixer fixer, CompletedSteps completed) : IConsumer<FixTests>
{
    public async Task Consume(ConsumeContext<FixTests> context)
    {
        var message = context.Message;
        if (!completed.TryGet<TestsFixed>(message.StepId, out var reply))
        {
            reply = await fixer.FixAsync(message, context.CancellationToken);
            completed.Remember(message.StepId, reply);
        }
        await context.Publish(reply, context.CancellationToken);
    }
}
