using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.Orchestrator.Persistence.Tasks;

/// <summary>
/// Tasks in the orchestrator's PostgreSQL database (distributed mode), shared by every orchestrator
/// replica. Status changes are single conditional updates, so a late or repeated message never moves a
/// task backwards; expired tasks are deleted when a task is created.
/// </summary>
public sealed class EntityFrameworkTaskStore(IDbContextFactory<OrchestratorDbContext> contexts, TimeProvider clock) : ITaskStore
{
    public async Task<TaskRecord> CreateAsync(string kind, string? tenant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = now - TaskRetention.Period;
        await db.Tasks.Where(t => t.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
        var task = new TaskRecord { TaskId = Guid.NewGuid(), Kind = kind, Tenant = tenant, CreatedAt = now, UpdatedAt = now };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    public async Task<TaskRecord?> FindAsync(Guid taskId, string? tenant, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TaskRetention.Period;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TaskId == taskId && t.Tenant == tenant && t.CreatedAt > cutoff, cancellationToken);
    }

    public async Task ProcessingAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Tasks.Where(t => t.TaskId == taskId && t.Status == TaskStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Processing).SetProperty(t => t.UpdatedAt, now), cancellationToken);
    }

    public async Task CompleteAsync(Guid taskId, string resultJson, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Unfinished(db, taskId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TaskStatuses.Completed)
            .SetProperty(t => t.ResultJson, resultJson)
            .SetProperty(t => t.UpdatedAt, now), cancellationToken);
    }

    public async Task FailAsync(Guid taskId, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Unfinished(db, taskId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TaskStatuses.Failed)
            .SetProperty(t => t.Error, error)
            .SetProperty(t => t.UpdatedAt, now), cancellationToken);
    }

    private static IQueryable<TaskRecord> Unfinished(OrchestratorDbContext db, Guid taskId) =>
        db.Tasks.Where(t => t.TaskId == taskId && t.Status != TaskStatuses.Completed && t.Status != TaskStatuses.Failed);
}
