using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Fixer;
using QuestMesh.Generator;
using QuestMesh.Orchestrator;
using QuestMesh.Runner;
using QuestMesh.ServiceDefaults;
using QuestMesh.StaticAnalysis;
using QuestMesh.Supervisor;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// Every service in a host of its own, each composed by its own <c>AddXxx()</c> and talking to the others
/// only over the shared RabbitMQ; the orchestrator keeps its saga in PostgreSQL. A client host submits
/// runs and hears how they end.
/// </summary>
public sealed class ServiceHosts : IAsyncDisposable
{
    private readonly List<IHost> _hosts;
    private readonly string _scratch;

    private ServiceHosts(List<IHost> hosts, string scratch, string connectionString)
    {
        _hosts = hosts;
        _scratch = scratch;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public string ArtifactsRoot => Path.Combine(_scratch, "artifacts");
    public IServiceProvider Orchestrator => _hosts[0].Services;
    public IServiceProvider Client => _hosts[^1].Services;

    public static async Task<ServiceHosts> StartAsync(InfrastructureFixture infrastructure)
    {
        var scratch = Directory.CreateTempSubdirectory("questmesh-it-hosts-").FullName;
        var connectionString = await infrastructure.CreateDatabaseAsync();
        var bus = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = infrastructure.RabbitMqHost,
            ["Bus:RabbitMq:Port"] = infrastructure.RabbitMqPort.ToString(),
            ["Bus:RabbitMq:Username"] = infrastructure.RabbitMqUser,
            ["Bus:RabbitMq:Password"] = infrastructure.RabbitMqPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Python:Interpreter"] = "/usr/bin/python3",
        };
        var hosts = new List<IHost>
        {
            Build(bus, scratch, "orchestrator", b => b.AddOrchestrator(), new()
            {
                ["Persistence:Provider"] = "PostgreSql",
                ["Persistence:ConnectionString"] = connectionString,
                ["Orchestrator:ArtifactsRoot"] = Path.Combine(scratch, "artifacts"),
            }),
            Build(bus, scratch, "generator", b => b.AddGenerator()),
            Build(bus, scratch, "static", b => b.AddStaticAnalysis()),
            Build(bus, scratch, "runner", b => b.AddRunner()),
            Build(bus, scratch, "supervisor", b => b.AddSupervisor()),
            Build(bus, scratch, "fixer", b => b.AddFixer()),
            Build(bus, scratch, "client", b => b.Services.AddSingleton<RunEnds>(), extra: x => x.AddConsumer<RunEndConsumer>()),
        };
        var started = new ServiceHosts(hosts, scratch, connectionString);
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
        Directory.Delete(_scratch, recursive: true);
    }
}

/// <summary>How each run ended, as the client host heard it on the bus.</summary>
public sealed class RunEnds
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<object>> _ends = new();

    public Task<object> Of(Guid runId) => Source(runId).Task;

    public void Report(Guid runId, object end) => Source(runId).TrySetResult(end);

    private TaskCompletionSource<object> Source(Guid runId) =>
        _ends.GetOrAdd(runId, _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class RunEndConsumer(RunEnds ends) : IConsumer<QuestMesh.Contracts.RunCompleted>, IConsumer<QuestMesh.Contracts.RunFailed>
{
    public Task Consume(ConsumeContext<QuestMesh.Contracts.RunCompleted> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<QuestMesh.Contracts.RunFailed> context)
    {
        ends.Report(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }
}
