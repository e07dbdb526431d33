using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>How each run ended (<see cref="RunCompleted"/> or <see cref="RunFailed"/>) and when the client heard it.</summary>
public sealed class RunEnds
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<RunEnd>> _ends = new();

    public Task<RunEnd> Of(Guid runId) => Source(runId).Task;

    public void Report(Guid runId, object message) =>
        Source(runId).TrySetResult(new RunEnd(message, Stopwatch.GetTimestamp()));

    private TaskCompletionSource<RunEnd> Source(Guid runId) =>
        _ends.GetOrAdd(runId, _ => new TaskCompletionSource<RunEnd>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <param name="Message">The <see cref="RunCompleted"/> or <see cref="RunFailed"/>.</param>
/// <param name="Timestamp">When it arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
public sealed record RunEnd(object Message, long Timestamp)
{
    public string Outcome => Message switch
    {
        RunCompleted completed => completed.Reason,
        RunFailed failed => $"{failed.Reason}: {failed.Detail}",
        _ => "unknown",
    };

    public bool Completed => Message is RunCompleted;
}

/// <summary>The client's ear on the bus: a temporary queue, gone when the bench stops.</summary>
public sealed class RunEndListener(RunEnds ends) : IConsumer<RunCompleted>, IConsumer<RunFailed>
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

    public static void Register(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<RunEndListener>().Endpoint(e => e.Temporary = true);
}
