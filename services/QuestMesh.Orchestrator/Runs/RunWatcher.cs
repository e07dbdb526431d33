using System.Collections.Concurrent;
using System.Threading.Channels;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// Hands a run's progress events from the bus (<see cref="RunProgressConsumer"/>) to whoever waits for the run in this
/// process: the command line, a repository run's module runs. Only watched runs are kept; <see cref="Forget"/> ends a watch.
/// </summary>
public sealed class RunWatcher
{
    private readonly ConcurrentDictionary<Guid, Channel<object>> _runs = new();

    public ChannelReader<object> Watch(Guid runId) =>
        _runs.GetOrAdd(runId, _ => Channel.CreateUnbounded<object>()).Reader;

    public void Forget(Guid runId) => _runs.TryRemove(runId, out _);

    public void Post(Guid runId, object message)
    {
        if (_runs.TryGetValue(runId, out var channel))
            channel.Writer.TryWrite(message);
    }
}
