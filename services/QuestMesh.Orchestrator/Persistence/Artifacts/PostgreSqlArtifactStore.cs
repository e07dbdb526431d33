using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Persistence.Sagas;

namespace QuestMesh.Orchestrator.Persistence.Artifacts;

/// <summary>
/// Artifacts in the orchestrator's PostgreSQL database (distributed mode), under the same names as on
/// disk, so any orchestrator replica serves any run's artifacts. Each write is one upsert: a reader sees
/// the old or the new content; a keyed line written twice (a redelivery) stays one line.
/// While the saga handles a message (<see cref="SagaMessageTransaction"/>), writes wait on the message's
/// context and go out with the saga row, in its transaction and in one round trip: a transition that
/// loses a concurrency race leaves none of its artifacts behind. The message reads what it wrote.
/// </summary>
public sealed class PostgreSqlArtifactStore(IDbContextFactory<OrchestratorDbContext> databases, TimeProvider clock) : IArtifactStore
{
    public Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckName(name);
        return Send(writes => writes.Write(runId, name, content, clock.GetUtcNow()), cancellationToken);
    }

    public Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckLine(name, key, line);
        return Send(writes => writes.AppendLine(runId, name, key, line), cancellationToken);
    }

    public async Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckName(name);
        if (SagaMessageTransaction.Context is OrchestratorDbContext message)
        {
            if (message.PendingArtifacts.Unsent(runId, name) is { } written)
                return written;
            await message.PendingArtifacts.SendAsync(message, cancellationToken);
            return await ReadAsync(message, runId, name, cancellationToken);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, runId, name, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        if (SagaMessageTransaction.Context is OrchestratorDbContext message)
        {
            await message.PendingArtifacts.SendAsync(message, cancellationToken);
            return await ListAsync(message, runId, cancellationToken);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, runId, cancellationToken);
    }

    /// <summary>In a saga message: kept on the message's context until it saves. Outside one: sent at once.</summary>
    private async Task Send(Action<ArtifactWrites> write, CancellationToken cancellationToken)
    {
        if (SagaMessageTransaction.Context is OrchestratorDbContext message)
        {
            write(message.PendingArtifacts);
            return;
        }
        var writes = new ArtifactWrites();
        write(writes);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await writes.SendAsync(db, cancellationToken);
    }

    private static async Task<string?> ReadAsync(OrchestratorDbContext db, Guid runId, string name, CancellationToken cancellationToken)
    {
        var whole = await db.Artifacts.AsNoTracking()
            .Where(a => a.RunId == runId && a.Name == name)
            .Select(a => a.Content)
            .FirstOrDefaultAsync(cancellationToken);
        if (whole is not null)
            return whole;
        var lines = await db.ArtifactLines.AsNoTracking()
            .Where(l => l.RunId == runId && l.Name == name)
            .OrderBy(l => l.Sequence)
            .Select(l => l.Line)
            .ToListAsync(cancellationToken);
        return lines.Count == 0 ? null : string.Concat(lines.Select(l => l + "\n"));
    }

    private static async Task<IReadOnlyList<string>> ListAsync(OrchestratorDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var whole = await db.Artifacts.AsNoTracking().Where(a => a.RunId == runId).Select(a => a.Name).ToListAsync(cancellationToken);
        var keyed = await db.ArtifactLines.AsNoTracking().Where(l => l.RunId == runId).Select(l => l.Name).Distinct().ToListAsync(cancellationToken);
        return whole.Concat(keyed).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
