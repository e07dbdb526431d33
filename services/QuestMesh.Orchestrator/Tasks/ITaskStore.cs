namespace QuestMesh.Orchestrator.Tasks;

/// <summary>
/// Where the task API's tasks live: in memory (<c>questmesh serve</c>) or in PostgreSQL (distributed). A
/// task is kept <see cref="TaskRetention.Period"/> after it was created, on the injected clock; a tenant sees
/// only its own. A status only moves forward: pending → processing → completed | failed.
/// </summary>
public interface ITaskStore
{
    Task<TaskRecord> CreateAsync(string kind, string? tenant, CancellationToken cancellationToken);

    /// <summary>The task, or null when it is unknown, expired, or another tenant's.</summary>
    Task<TaskRecord?> FindAsync(Guid taskId, string? tenant, CancellationToken cancellationToken);

    /// <summary>A pending task is now processing; any other is left as it is.</summary>
    Task ProcessingAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>The task's result (JSON), unless it has already ended.</summary>
    Task CompleteAsync(Guid taskId, string resultJson, CancellationToken cancellationToken);

    /// <summary>The task's error, unless it has already ended.</summary>
    Task FailAsync(Guid taskId, string error, CancellationToken cancellationToken);
}

public static class TaskRetention
{
    /// <summary>The original system's 24 hours.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(24);
}
