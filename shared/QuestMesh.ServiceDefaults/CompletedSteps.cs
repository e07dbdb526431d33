using System.Collections.Concurrent;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// Does each step's work once per <c>StepId</c>: a redelivered command, even one that arrives while the
/// first delivery is still working, gets the same reply without the work being done twice. A step
/// that failed is forgotten so a retry runs it again. Bounded: the oldest replies go first.
/// </summary>
public sealed class CompletedSteps(int capacity = 4096)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<object>>> _steps = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public async Task<TReply> OnceAsync<TReply>(Guid stepId, Func<Task<TReply>> work) where TReply : class
    {
        if (stepId == Guid.Empty)
            return await work();
        var entry = _steps.GetOrAdd(stepId, id =>
        {
            _order.Enqueue(id);
            return new Lazy<Task<object>>(async () => await work());
        });
        Evict();
        try
        {
            return (TReply)await entry.Value;
        }
        catch
        {
            _steps.TryRemove(KeyValuePair.Create(stepId, entry));
            throw;
        }
    }

    private void Evict()
    {
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            _steps.TryRemove(oldest, out _);
    }
}
