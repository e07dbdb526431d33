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
        var reply = await completed.OnceAsync(message.StepId, () => fixer.FixAsync(message, context.CancellationToken));
        await context.Publish(reply, context.CancellationToken);
    }
}
