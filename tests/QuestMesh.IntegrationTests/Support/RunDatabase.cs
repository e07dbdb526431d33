using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.Persistence.Artifacts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The orchestrator's PostgreSQL database read from outside, for tests whose orchestrator runs as a
/// process (or several, one after another): saga rows as committed and the artifacts through the same
/// store the orchestrator writes with.
/// </summary>
public sealed class RunDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Contexts _contexts;

    public RunDatabase(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _contexts = new Contexts(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(_dataSource).Options);
        Artifacts = new PostgreSqlArtifactStore(_contexts, TimeProvider.System);
    }

    public IArtifactStore Artifacts { get; }

    public async Task<RunState?> LoadAsync(Guid runId)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.CorrelationId == runId);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class Contexts(DbContextOptions<OrchestratorDbContext> options) : IDbContextFactory<OrchestratorDbContext>
    {
        public OrchestratorDbContext CreateDbContext() => new(options);
    }
}
