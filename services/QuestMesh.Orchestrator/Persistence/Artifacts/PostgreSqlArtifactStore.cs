using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Persistence.Artifacts;

/// <summary>
/// Artifacts in the orchestrator's PostgreSQL database (distributed mode), under the same names as on
/// disk, so any orchestrator replica serves any run's artifacts. Each write is one upsert: a reader sees
/// the old or the new content; a keyed line written twice (a redelivery) stays one line.
/// </summary>
public sealed class PostgreSqlArtifactStore(IDbContextFactory<OrchestratorDbContext> databases, TimeProvider clock) : IArtifactStore
{
    public async Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckName(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO run_artifacts (run_id, name, content, updated_at) VALUES ({runId}, {name}, {content}, {now})
            ON CONFLICT (run_id, name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
            """, cancellationToken);
    }

    public async Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckLine(name, key, line);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO run_artifact_lines (run_id, name, key, line) VALUES ({runId}, {name}, {key}, {line})
            ON CONFLICT (run_id, name, key) DO UPDATE SET line = excluded.line
            """, cancellationToken);
    }

    public async Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckName(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
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

    public async Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var whole = await db.Artifacts.AsNoTracking().Where(a => a.RunId == runId).Select(a => a.Name).ToListAsync(cancellationToken);
        var keyed = await db.ArtifactLines.AsNoTracking().Where(l => l.RunId == runId).Select(l => l.Name).Distinct().ToListAsync(cancellationToken);
        return whole.Concat(keyed).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
