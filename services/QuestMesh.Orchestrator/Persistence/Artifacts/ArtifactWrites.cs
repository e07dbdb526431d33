using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace QuestMesh.Orchestrator.Persistence.Artifacts;

/// <summary>
/// Artifact writes as PostgreSQL upserts, sent together in one round trip. Inside a saga message they
/// wait on the message's <see cref="OrchestratorDbContext"/> until it saves, so a transition's artifacts
/// go out with the saga row, in its transaction; the message reads back what it wrote from here.
/// </summary>
public sealed class ArtifactWrites
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly Dictionary<(Guid RunId, string Name), string> _contents = [];

    public void Write(Guid runId, string name, string content, DateTimeOffset now)
    {
        _commands.Add(Command(
            """
            INSERT INTO run_artifacts (run_id, name, content, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (run_id, name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
            """, runId, name, content, now));
        _contents[(runId, name)] = content;
    }

    public void AppendLine(Guid runId, string name, string key, string line) =>
        _commands.Add(Command(
            """
            INSERT INTO run_artifact_lines (run_id, name, key, line) VALUES ($1, $2, $3, $4)
            ON CONFLICT (run_id, name, key) DO UPDATE SET line = excluded.line
            """, runId, name, key, line));

    /// <summary>The content of a whole artifact written here and not sent yet, or null.</summary>
    public string? Unsent(Guid runId, string name) => _contents.GetValueOrDefault((runId, name));

    /// <summary>Sends the writes on the context's connection, in its transaction when it has one.</summary>
    public async Task SendAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (_commands.Count == 0)
            return;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            foreach (var command in _commands)
                batch.BatchCommands.Add(command);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        _commands.Clear();
        _contents.Clear();
    }

    public bool IsEmpty => _commands.Count == 0;

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
