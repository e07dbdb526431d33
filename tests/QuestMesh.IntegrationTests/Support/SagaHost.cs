using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The orchestrator as <c>AddOrchestrator()</c> registers it with <c>Persistence:Provider=PostgreSql</c>, on
/// MassTransit's test harness (in-memory transport), against a fresh database on the shared server.
/// No worker answers: the tests reply by hand.
/// </summary>
public sealed class SagaHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SagaHost(ServiceProvider provider, string connectionString, string artifactsRoot)
    {
        _provider = provider;
        ConnectionString = connectionString;
        ArtifactsRoot = artifactsRoot;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }
    public string ConnectionString { get; }
    public string ArtifactsRoot { get; }
    public IServiceProvider Services => _provider;

    public static async Task<SagaHost> StartAsync(InfrastructureFixture infrastructure)
    {
        var connectionString = await infrastructure.CreateDatabaseAsync();
        var artifactsRoot = Directory.CreateTempSubdirectory("questmesh-it-artifacts-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "PostgreSql",
            ["Persistence:ConnectionString"] = connectionString,
            ["Orchestrator:ArtifactsRoot"] = artifactsRoot,
        });
        builder.Services.AddLogging();
        builder.AddOrchestrator();
        var registrations = builder.Services.Select(d => d.ImplementationInstance).OfType<BusRegistrations>().Single();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.DisableUsageTelemetry();
            // Counting what was published waits for the bus to go quiet; every step here takes milliseconds.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60), testInactivityTimeout: TimeSpan.FromSeconds(3));
            registrations.ApplyTo(x);
        });

        var provider = builder.Services.BuildServiceProvider(validateScopes: true);
        // The harness starts the bus only; the migration is the orchestrator's own hosted service.
        await provider.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(CancellationToken.None);
        var host = new SagaHost(provider, connectionString, artifactsRoot);
        await host.Harness.Start();
        return host;
    }

    public async Task<Guid> SubmitAsync(string? tenant = null)
    {
        var runId = NewId.NextGuid();
        await Harness.Bus.Publish(new SubmitRun
        {
            RunId = runId,
            Source = new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("pkg/target.py", "def f(x):\n    return x\n")] },
            TargetFile = "pkg/target.py",
            Settings = new RunSettings { MaxAttempts = 1 },
            Tenant = tenant,
        });
        return runId;
    }

    /// <summary>The command of type <typeparamref name="T"/> the run published (it leaves the outbox only after the commit).</summary>
    public async Task<T> CommandAsync<T>(Guid runId) where T : class
    {
        var published = await Harness.Published.SelectAsync<T>(m => RunIdOf(m.Context.Message) == runId).FirstOrDefault();
        published.ShouldNotBeNull($"run {runId} published no {typeof(T).Name}");
        return published.Context.Message;
    }

    public async Task<RunState?> LoadAsync(Guid runId)
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<RunState>>().Load(runId);
    }

    public OrchestratorDbContext NewDbContext() =>
        _provider.CreateScope().ServiceProvider.GetRequiredService<OrchestratorDbContext>();

    public string[] EventLines(Guid runId) => File.ReadAllLines(Path.Combine(ArtifactsRoot, runId.ToString(), "events.log"));

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(ArtifactsRoot, recursive: true);
    }

    private static Guid RunIdOf(object message) => (Guid)message.GetType().GetProperty("RunId")!.GetValue(message)!;
}
