using System.Collections.Concurrent;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// Replies of recently finished steps by <c>StepId</c>, so a redelivered command is answered again
/// without doing the work twice. Bounded: the oldest entries go first.
/// </summary>
public sealed class CompletedSteps(int capacity = 4096)
{
    private readonly ConcurrentDictionary<Guid, object> _replies = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public bool TryGet<TReply>(Guid stepId, out TReply reply) where TReply : class
    {
        if (_replies.TryGetValue(stepId, out var found) && found is TReply typed)
        {
            reply = typed;
            return true;
        }
        reply = null!;
        return false;
    }

    public void Remember(Guid stepId, object reply)
    {
        if (!_replies.TryAdd(stepId, reply))
            return;
        _order.Enqueue(stepId);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            _replies.TryRemove(oldest, out _);
    }
}
