using System.Collections.Concurrent;

namespace QuestMesh.Orchestrator.Tasks;

/// <summary>
/// Tasks of <c>questmesh serve</c>: kept in memory for <see cref="Retention"/> after they were created
/// (the original's 24 hours), on the injected clock; an expired task is gone (looked up as unknown) and
/// is dropped when the store is next written. A tenant sees only its own tasks.
/// </summary>
public sealed class InMemoryTaskStore(TimeProvider clock) : ITaskStore
{
    public static readonly TimeSpan Retention = TaskRetention.Period;

    private readonly ConcurrentDictionary<Guid, TaskRecord> _tasks = new();

    public TaskRecord Create(string kind, string? tenant)
    {
        Purge();
        var now = clock.GetUtcNow();
        var task = new TaskRecord { TaskId = Guid.NewGuid(), Kind = kind, Tenant = tenant, CreatedAt = now, UpdatedAt = now };
        _tasks[task.TaskId] = task;
        return task;
    }

    public TaskRecord? Find(Guid taskId, string? tenant) =>
        _tasks.TryGetValue(taskId, out var task) && !Expired(task) && task.Tenant == tenant ? task : null;

    public void Processing(Guid taskId) => Update(taskId, t => t.Status == TaskStatuses.Pending ? t with { Status = TaskStatuses.Processing } : null);

    public void Complete(Guid taskId, string resultJson) =>
        Update(taskId, t => TaskStatuses.IsFinal(t.Status) ? null : t with { Status = TaskStatuses.Completed, ResultJson = resultJson, Error = null });

    public void Fail(Guid taskId, string error) =>
        Update(taskId, t => TaskStatuses.IsFinal(t.Status) ? null : t with { Status = TaskStatuses.Failed, Error = error });

    public Task<TaskRecord> CreateAsync(string kind, string? tenant, CancellationToken cancellationToken) => Task.FromResult(Create(kind, tenant));

    public Task<TaskRecord?> FindAsync(Guid taskId, string? tenant, CancellationToken cancellationToken) => Task.FromResult(Find(taskId, tenant));

    public Task ProcessingAsync(Guid taskId, CancellationToken cancellationToken)
    {
        Processing(taskId);
        return Task.CompletedTask;
    }

    public Task CompleteAsync(Guid taskId, string resultJson, CancellationToken cancellationToken)
    {
        Complete(taskId, resultJson);
        return Task.CompletedTask;
    }

    public Task FailAsync(Guid taskId, string error, CancellationToken cancellationToken)
    {
        Fail(taskId, error);
        return Task.CompletedTask;
    }

    /// <summary>Applies <paramref name="change"/> (null: no change) to the stored task, retrying when another write won the race.</summary>
    private void Update(Guid taskId, Func<TaskRecord, TaskRecord?> change)
    {
        Purge();
        var now = clock.GetUtcNow();
        while (_tasks.TryGetValue(taskId, out var task) && !Expired(task) && change(task) is { } changed
               && !_tasks.TryUpdate(taskId, changed with { UpdatedAt = now }, task))
        {
        }
    }

    private bool Expired(TaskRecord task) => clock.GetUtcNow() - task.CreatedAt >= Retention;

    private void Purge()
    {
        foreach (var (id, task) in _tasks)
        {
            if (Expired(task))
                _tasks.TryRemove(id, out _);
        }
    }
}
