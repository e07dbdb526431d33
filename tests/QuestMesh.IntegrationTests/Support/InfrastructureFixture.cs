using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ for the whole test project, started together. Each test
/// gets a database of its own (<see cref="CreateDatabaseAsync"/>) and a virtual host of its own on the
/// broker (<see cref="CreateVirtualHostAsync"/>): every test's services use the same queue names, so
/// without it a message one test left behind would reach the next test's workers. When Docker cannot
/// run, every test fails here with the reason; none is skipped.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly PostgreSqlContainer _postgres;
    private readonly RabbitMqContainer _rabbitMq;
    private int _databases;
    private int _virtualHosts;

    public InfrastructureFixture()
    {
        Settings = InfrastructureSettings.Load();
        var pull = Settings.PullImages ? PullPolicy.Missing : PullPolicy.Never;
        // Every test starts hosts and service processes of its own, each with a connection pool: room for them.
        _postgres = new PostgreSqlBuilder(Settings.PostgresImage).WithImagePullPolicy(pull)
            .WithCommand("-c", "max_connections=500").Build();
        _rabbitMq = new RabbitMqBuilder(Settings.RabbitMqImage).WithImagePullPolicy(pull).Build();
    }

    public InfrastructureSettings Settings { get; }

    public string RabbitMqHost => _rabbitMq.Hostname;
    public int RabbitMqPort => _rabbitMq.GetMappedPublicPort(5672);
    public string RabbitMqUser => RabbitMqBuilder.DefaultUsername;
    public string RabbitMqPassword => RabbitMqBuilder.DefaultPassword;

    public async Task InitializeAsync()
    {
        try
        {
            await Task.WhenAll(_postgres.StartAsync(), _rabbitMq.StartAsync());
        }
        catch (Exception error)
        {
            throw new InvalidOperationException(
                $"Could not start PostgreSQL ({Settings.PostgresImage}) and RabbitMQ ({Settings.RabbitMqImage}) containers: {error.Message}. " +
                "The integration tests need a working Docker engine; './quest test' starts one and builds these images locally.", error);
        }
    }

    /// <summary>A new, empty database on the shared server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"questmesh_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(_postgres.GetConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_postgres.GetConnectionString()) { Database = name }.ConnectionString;
    }

    /// <summary>A new, empty virtual host on the shared broker, open to the broker's user.</summary>
    public async Task<Broker> CreateVirtualHostAsync()
    {
        var name = $"test-{Interlocked.Increment(ref _virtualHosts)}-{Guid.NewGuid():N}"[..24];
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, RabbitMqUser, ".*", ".*", ".*");
        return new Broker(RabbitMqHost, RabbitMqPort, RabbitMqUser, RabbitMqPassword, name);
    }

    private async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var result = await _rabbitMq.ExecAsync(["rabbitmqctl", .. arguments]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Stderr}{result.Stdout}");
    }

    public async Task DisposeAsync()
    {
        await _rabbitMq.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
