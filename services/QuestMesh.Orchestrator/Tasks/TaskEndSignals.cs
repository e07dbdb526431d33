using System.Collections.Concurrent;

namespace QuestMesh.Orchestrator.Tasks;

/// <summary>
/// Wakes a request that waits for a task in this process as soon as the task's reply is stored here. A
/// task that another replica finishes is seen by the waiter's next look at the store instead.
/// </summary>
public sealed class TaskEndSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    public void Ended(Guid taskId)
    {
        if (_waiting.TryRemove(taskId, out var signal))
            signal.TrySetResult();
    }

    /// <summary>Returns when the task ends here, or after <paramref name="atMost"/>; cancellation ends the wait with an exception.</summary>
    public async Task WaitAsync(Guid taskId, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var signal = _waiting.GetOrAdd(taskId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await signal.Task.WaitAsync(atMost, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    public void Forget(Guid taskId) => _waiting.TryRemove(taskId, out _);
}
