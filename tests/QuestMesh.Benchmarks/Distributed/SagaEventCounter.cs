using MassTransit;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// Counts the messages the orchestrator's host consumed: its only endpoint is the run saga's.
/// </summary>
public sealed class SagaEventCounter : IConsumeObserver
{
    private long _consumed;

    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>
    /// The count once it stopped moving: a run's end can reach the client before the message that ended it
    /// is counted (the saga's outbox sends it first).
    /// </summary>
    public async Task<long> SettledAsync(CancellationToken cancellationToken)
    {
        var last = Consumed;
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var now = Consumed;
            if (now == last)
                return now;
            last = now;
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _consumed);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
