using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Fixer;
using QuestMesh.Generator;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.Runner;
using QuestMesh.ServiceDefaults;
using QuestMesh.StaticAnalysis;
using QuestMesh.Supervisor;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The orchestrator (its saga in PostgreSQL) and a client in hosts of their own in the test process,
/// and, unless the test starts them as processes (<see cref="ServiceProcesses"/>), every worker service
/// in a host of its own too, each composed by its own <c>AddXxx()</c> and talking to the others only over
/// the test's virtual host on RabbitMQ. The client submits runs and hears how they end. When the
/// orchestrator runs as a process instead, its database is read from outside (<see cref="RunDatabase"/>).
/// </summary>
public sealed class ServiceHosts : IAsyncDisposable
{
    private readonly List<IHost> _hosts;
    private readonly string _scratch;
    private readonly RunDatabase? _database;

    private ServiceHosts(List<IHost> hosts, string scratch, string connectionString, RunDatabase? database)
    {
        _hosts = hosts;
        _scratch = scratch;
        _database = database;
        ConnectionString = connectionString;
    }

    /// <summary>The orchestrator's database, whether its orchestrator is here or a process of its own.</summary>
    public string ConnectionString { get; }

    public IServiceProvider Orchestrator => _database is null
        ? _hosts[0].Services
        : throw new InvalidOperationException("The orchestrator runs as a process of its own, not in these hosts.");

    public IServiceProvider Client => _hosts[^1].Services;

    /// <summary>The worker hosts of one service (its <c>Python:WorkRoot</c> folder name without the replica number: runner, generator …).</summary>
    public IReadOnlyList<IServiceProvider> Workers(string service) =>
        _hosts.Where(h => h.Services.GetRequiredService<IConfiguration>()["Python:WorkRoot"] is { } root
                && Path.GetFileName(root).StartsWith(service + "-", StringComparison.Ordinal))
            .Select(h => h.Services).ToList();
    public RunEnds Ends => Client.GetRequiredService<RunEnds>();

    /// <param name="workers">false: no worker host here; the workers run elsewhere.</param>
    /// <param name="orchestrator">false: no orchestrator host either; one runs as a process on <see cref="ConnectionString"/>.</param>
    /// <param name="replicas">Hosts of each worker service, each taking one step at a time when more than one (a pool).</param>
    /// <param name="repositoryRuns">The orchestrator host also carries out whole-repository runs, as its API does.</param>
    public static async Task<ServiceHosts> StartAsync(InfrastructureFixture infrastructure, Broker broker, bool workers = true, bool orchestrator = true,
        int replicas = 1, bool repositoryRuns = false)
    {
        var scratch = Directory.CreateTempSubdirectory("questmesh-it-hosts-").FullName;
        var connectionString = await infrastructure.CreateDatabaseAsync();
        var bus = broker.Settings();
        bus["Serilog:MinimumLevel:Default"] = "Warning";
        bus["Python:Interpreter"] = "/usr/bin/python3";
        var hosts = new List<IHost>();
        if (orchestrator)
        {
            hosts.Add(Build(bus, scratch, "orchestrator", b =>
            {
                b.AddOrchestrator();
                if (repositoryRuns)
                {
                    b.AddRepositoryRuns();
                    b.Services.AddSingleton<RepositoryRunWorker>();
                }
            }, new()
            {
                ["Persistence:Provider"] = "PostgreSql",
                ["Persistence:ConnectionString"] = connectionString,
            }));
        }
        if (workers)
        {
            var pool = replicas > 1
                ? new Dictionary<string, string?>
                {
                    ["Generator:ConcurrentSteps"] = "1", ["StaticAnalysis:ConcurrentSteps"] = "1", ["Runner:ConcurrentSteps"] = "1",
                    ["Supervisor:ConcurrentSteps"] = "1", ["Fixer:ConcurrentSteps"] = "1",
                }
                : null;
            for (var replica = 1; replica <= replicas; replica++)
            {
                hosts.Add(Build(bus, scratch, $"generator-{replica}", b => b.AddGenerator(), pool));
                hosts.Add(Build(bus, scratch, $"static-{replica}", b => b.AddStaticAnalysis(), pool));
                hosts.Add(Build(bus, scratch, $"runner-{replica}", b => b.AddRunner(), pool));
                hosts.Add(Build(bus, scratch, $"supervisor-{replica}", b => b.AddSupervisor(), pool));
                hosts.Add(Build(bus, scratch, $"fixer-{replica}", b => b.AddFixer(), pool));
            }
        }
        hosts.Add(Build(bus, scratch, "client", b => b.Services.AddSingleton<RunEnds>(), extra: x => x.AddConsumer<RunEndConsumer>()));
        var started = new ServiceHosts(hosts, scratch, connectionString, orchestrator ? null : new RunDatabase(connectionString));
        try
        {
            // The orchestrator first: its start applies the migrations.
            await hosts[0].StartAsync();
            await Task.WhenAll(hosts.Skip(1).Select(h => h.StartAsync()));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        return started;
    }

    public Task SubmitAsync(SubmitRun run) => Client.GetRequiredService<IBus>().Publish(run);

    /// <summary>The saga's row of a run, read from PostgreSQL.</summary>
    public async Task<RunState?> LoadAsync(Guid runId)
    {
        if (_database is not null)
            return await _database.LoadAsync(runId);
        using var scope = Orchestrator.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<RunState>>().Load(runId);
    }

    /// <summary>The orchestrator's artifact store: PostgreSQL here, as in any deployment.</summary>
    public IArtifactStore Artifacts => _database?.Artifacts ?? Orchestrator.GetRequiredService<IArtifactStore>();

    public async Task<string[]> EventLinesAsync(Guid runId) =>
        ((await Artifacts.ReadAsync(runId, ArtifactNames.EventsLog)) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IHost Build(Dictionary<string, string?> bus, string scratch, string name, Action<IHostApplicationBuilder> add,
        Dictionary<string, string?>? settings = null, Action<IBusRegistrationConfigurator>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(bus);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Python:WorkRoot"] = Path.Combine(scratch, name) });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        add(builder);
        builder.AddQuestMeshBus(extra);
        // A host counts as started once its queues are bound: a run submitted earlier would be dropped.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await host.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // A host that does not stop in time is disposed all the same.
            }
            host.Dispose();
        }
        if (_database is not null)
            await _database.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }
}

/// <summary>How each run ended, as the client host heard it on the bus, and how many times it heard an end.</summary>
public sealed class RunEnds
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<object>> _ends = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _counts = new();

    public Task<object> Of(Guid runId) => Source(runId).Task;

    public int CountOf(Guid runId) => _counts.GetValueOrDefault(runId);

    public void Report(Guid runId, object end)
    {
        _counts.AddOrUpdate(runId, 1, (_, count) => count + 1);
        Source(runId).TrySetResult(end);
    }

    private TaskCompletionSource<object> Source(Guid runId) =>
        _ends.GetOrAdd(runId, _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class RunEndConsumer(RunEnds ends) : IConsumer<RunCompleted>, IConsumer<RunFailed>
{
    public Task Consume(ConsumeContext<RunCompleted> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RunFailed> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }
}
