using System.Collections.Concurrent;
using System.Threading.Channels;

namespace QuestMesh.Standalone.Hosting;

/// <summary>Hands a run's progress events from the bus to the command that waits for the run.</summary>
public sealed class RunWatcher
{
    private readonly ConcurrentDictionary<Guid, Channel<object>> _runs = new();

    public ChannelReader<object> Watch(Guid runId) =>
        _runs.GetOrAdd(runId, _ => Channel.CreateUnbounded<object>()).Reader;

    public void Post(Guid runId, object message)
    {
        if (_runs.TryGetValue(runId, out var channel))
            channel.Writer.TryWrite(message);
    }
}
