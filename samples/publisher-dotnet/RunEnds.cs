using System.Collections.Concurrent;
using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Samples.Publisher;

/// <summary>How each run this process submitted ended.</summary>
public sealed class RunEnds
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<object>> _ends = new();

    public Task<object> Of(Guid runId) => Source(runId).Task;

    public void Report(Guid runId, object end) => Source(runId).TrySetResult(end);

    private TaskCompletionSource<object> Source(Guid runId) =>
        _ends.GetOrAdd(runId, _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class RunEndConsumer(RunEnds ends) : IConsumer<RunCompleted>, IConsumer<RunFailed>
{
    public Task Consume(ConsumeContext<RunCompleted> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RunFailed> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }
}
