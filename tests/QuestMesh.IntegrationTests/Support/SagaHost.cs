using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Deadlines;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The orchestrator as <c>AddOrchestrator()</c> registers it with <c>Persistence:Provider=PostgreSql</c>, on
/// MassTransit's test harness (in-memory transport), against a fresh database on the shared server
/// (saga rows and artifacts).
/// No worker answers: the tests reply by hand.
/// </summary>
public sealed class SagaHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ObservedMessages _observed;

    private SagaHost(ServiceProvider provider, string connectionString, ObservedMessages observed)
    {
        _provider = provider;
        _observed = observed;
        ConnectionString = connectionString;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services => _provider;

    /// <summary>
    /// A host on a new database, or on <paramref name="connectionString"/>'s (an orchestrator started
    /// again after another stopped), with the system clock or <paramref name="clock"/>.
    /// </summary>
    public static async Task<SagaHost> StartAsync(InfrastructureFixture infrastructure, string? connectionString = null, TimeProvider? clock = null)
    {
        connectionString ??= await infrastructure.CreateDatabaseAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "PostgreSql",
            ["Persistence:ConnectionString"] = connectionString,
        });
        builder.Services.AddLogging();
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        builder.AddOrchestrator();
        var observed = new ObservedMessages();
        builder.Services.AddPublishObserver(_ => observed);
        builder.Services.AddConsumeObserver(_ => observed);
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
        var host = new SagaHost(provider, connectionString, observed);
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
    public async Task<T> CommandAsync<T>(Guid runId) where T : class =>
        (await WaitForAsync(() => _observed.Published<T>().Where(m => RunIdOf(m) == runId).ToList(), 1, $"run {runId} published no {typeof(T).Name}"))[0];

    /// <summary>Waits until the saga consumed <paramref name="count"/> messages of type <typeparamref name="T"/> for the run; how many it did.</summary>
    public async Task<int> ConsumedAsync<T>(Guid runId, int count) where T : class =>
        (await WaitForAsync(() => _observed.Consumed<T>().Where(m => RunIdOf(m) == runId).ToList(), count,
            $"run {runId} consumed fewer than {count} {typeof(T).Name}")).Count;

    // Waits for the messages themselves (up to a minute), not for the bus to go quiet: on a busy machine a
    // message on a new database can take longer than the harness's inactivity timeout, which would end a
    // wait on the harness's own lists early.
    private static async Task<List<T>> WaitForAsync<T>(Func<List<T>> messages, int count, string failure)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var found = messages();
            if (found.Count >= count)
                return found;
            DateTime.UtcNow.ShouldBeLessThan(deadline, failure);
            await Task.Delay(20);
        }
    }

    public async Task<RunState?> LoadAsync(Guid runId)
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<RunState>>().Load(runId);
    }

    /// <summary>One pass of the orchestrator's step deadline sweeper; how many runs it told.</summary>
    public Task<int> SweepAsync() =>
        _provider.GetServices<IHostedService>().OfType<StepDeadlineSweeper>().Single().SweepAsync(CancellationToken.None);

    public OrchestratorDbContext NewDbContext() =>
        _provider.CreateScope().ServiceProvider.GetRequiredService<OrchestratorDbContext>();

    /// <summary>An artifact of the run as a reader outside the saga sees it (committed only), or null.</summary>
    public Task<string?> ArtifactAsync(Guid runId, string name) =>
        _provider.GetRequiredService<IArtifactStore>().ReadAsync(runId, name);

    /// <summary>The run's <c>events.log</c> lines, from the artifact store (PostgreSQL here).</summary>
    public async Task<string[]> EventLinesAsync(Guid runId) =>
        ((await _provider.GetRequiredService<IArtifactStore>().ReadAsync(runId, ArtifactNames.EventsLog)) ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    private static Guid RunIdOf(object message) => (Guid)message.GetType().GetProperty("RunId")!.GetValue(message)!;
}

/// <summary>Every message published on the host's bus and every one it consumed, readable at any moment without waiting.</summary>
public sealed class ObservedMessages : IPublishObserver, IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<object> _published = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<object> _consumed = new();

    public List<T> Published<T>() where T : class => _published.OfType<T>().ToList();

    public List<T> Consumed<T>() where T : class => _consumed.OfType<T>().ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _published.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>The system clock moved forward: "later", without waiting for it.</summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
