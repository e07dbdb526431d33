using Npgsql;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// The private PostgreSQL and RabbitMQ that <c>./quest bench distributed</c> started for this bench (on
/// loopback, PostgreSQL with trust authentication, RabbitMQ's guest user), known by their ports.
/// </summary>
public sealed record BenchServers(int PostgresPort, int RabbitMqPort)
{
    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = PostgresPort, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>The bus settings of every host on the distributed path.</summary>
    public IEnumerable<KeyValuePair<string, string?>> BusSettings =>
    [
        new("Bus:Transport", "RabbitMq"),
        new("Bus:RabbitMq:Host", "127.0.0.1"),
        new("Bus:RabbitMq:Port", RabbitMqPort.ToString()),
    ];

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>
    /// Transactions the server committed and rolled back in the database so far (a rollback in the saga
    /// is a lost optimistic-concurrency race, handled again). A backend reports its counts when it ends,
    /// so the pooled connections are closed first.
    /// </summary>
    public async Task<(long Commits, long Rollbacks)> TransactionsAsync(string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }
}
