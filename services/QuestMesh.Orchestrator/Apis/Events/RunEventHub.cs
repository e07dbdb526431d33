using System.Threading.Channels;

namespace QuestMesh.Orchestrator.Apis.Events;

/// <summary>
/// Hands the run saga's announcements (as this process receives them from the bus) to the event streams
/// open for that run. A stream that falls behind loses its oldest announcements, never the server's memory;
/// the events.log it replays from and the run's end still reach it.
/// </summary>
public sealed class RunEventHub
{
    private const int StreamCapacity = 256;
    private readonly Dictionary<Guid, List<Channel<object>>> _streams = [];
    private readonly Lock _lock = new();

    public Subscription Subscribe(Guid runId)
    {
        var channel = Channel.CreateBounded<object>(new BoundedChannelOptions(StreamCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (!_streams.TryGetValue(runId, out var channels))
                _streams[runId] = channels = [];
            channels.Add(channel);
        }
        return new Subscription(channel.Reader, () => Unsubscribe(runId, channel));
    }

    public void Post(Guid runId, object message)
    {
        lock (_lock)
        {
            if (!_streams.TryGetValue(runId, out var channels))
                return;
            foreach (var channel in channels)
                channel.Writer.TryWrite(message);
        }
    }

    private void Unsubscribe(Guid runId, Channel<object> channel)
    {
        lock (_lock)
        {
            if (_streams.TryGetValue(runId, out var channels) && channels.Remove(channel) && channels.Count == 0)
                _streams.Remove(runId);
        }
    }

    public sealed class Subscription(ChannelReader<object> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<object> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
