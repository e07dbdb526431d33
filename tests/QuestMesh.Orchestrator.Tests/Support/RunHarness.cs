using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.Tests.Support;

/// <summary>
/// The orchestrator as <c>AddOrchestrator()</c> registers it, on MassTransit's test harness, with scripted
/// workers answering the step commands and artifacts in a temporary folder.
/// </summary>
public sealed class RunHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RunHarness(ServiceProvider provider, RunScript script, string artifactsRoot)
    {
        _provider = provider;
        Script = script;
        ArtifactsRoot = artifactsRoot;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<RunStateMachine, RunState>();
    }

    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<RunStateMachine, RunState> Saga { get; }
    public RunScript Script { get; }
    public string ArtifactsRoot { get; }
    public IServiceProvider Services => _provider;

    /// <param name="add">More of the product registered beside the orchestrator (whole-repository runs, say).</param>
    public static async Task<RunHarness> StartAsync(RunScript? script = null, IDictionary<string, string?>? configuration = null,
        Action<IHostApplicationBuilder>? add = null)
    {
        script ??= new RunScript();
        var artifactsRoot = Directory.CreateTempSubdirectory("questmesh-orchestrator-tests-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Orchestrator:ArtifactsRoot"] = artifactsRoot }
                .Concat(configuration ?? new Dictionary<string, string?>()));
        builder.Services.AddLogging();
        builder.AddOrchestrator();
        add?.Invoke(builder);
        builder.Services.AddSingleton(script);
        builder.Services.AddSingleton<PublishedMessages>();
        builder.Services.AddPublishObserver(sp => sp.GetRequiredService<PublishedMessages>());

        var registrations = builder.Services.Select(d => d.ImplementationInstance).OfType<BusRegistrations>().Single();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.DisableUsageTelemetry();
            registrations.ApplyTo(x);
            x.AddConsumer<ScriptedGenerator>();
            x.AddConsumer<ScriptedAnalyzer>();
            x.AddConsumer<ScriptedRunner>();
            x.AddConsumer<ScriptedSupervisor>();
            x.AddConsumer<ScriptedFixer>();
            x.AddConsumer<ScriptedFinalizer>();
        });

        var harness = new RunHarness(builder.Services.BuildServiceProvider(validateScopes: true), script, artifactsRoot);
        // Waits here are for messages that must come; none relies on the harness giving up on
        // inactivity, which once reached ends every later wait at once.
        harness.Harness.TestTimeout = TimeSpan.FromSeconds(30);
        harness.Harness.TestInactivityTimeout = harness.Harness.TestTimeout;
        await harness.Harness.Start();
        return harness;
    }

    public async Task<Guid> SubmitAsync(RunSettings? settings = null, Guid? runId = null)
    {
        var id = runId ?? NewId.NextGuid();
        await Harness.Bus.Publish(new SubmitRun
        {
            RunId = id,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = "/tmp/project" },
            TargetFile = "pkg/target.py",
            Settings = settings ?? new RunSettings(),
        });
        return id;
    }

    /// <summary>
    /// Waits until the run is in the state and the event that moved it there is fully handled. The
    /// in-memory saga shows the new state as soon as <c>TransitionTo</c> runs, before the activities after
    /// it (artifacts, replies); the <see cref="RunStateChanged"/> of that transition leaves the outbox
    /// only once they all ran.
    /// </summary>
    public async Task<RunState> WaitForAsync(Guid runId, Func<RunStateMachine, State> state)
    {
        var found = await Saga.Exists(runId, state, TimeSpan.FromSeconds(20));
        var run = Saga.Sagas.Contains(runId);
        found.ShouldNotBeNull($"run is in state {run?.CurrentState ?? "(none)"}, status {run?.Status}: {run?.StatusDetail}");
        var name = state(Saga.StateMachine).Name;
        await PublishedAsync<RunStateChanged>(runId, c => c.State == name);
        return run!;
    }

    public async Task<T> PublishedAsync<T>(Guid runId, Func<T, bool>? filter = null) where T : class
    {
        var message = await Harness.Published.SelectAsync<T>(m => RunIdOf(m.Context.Message) == runId && (filter?.Invoke(m.Context.Message) ?? true))
            .FirstOrDefault();
        message.ShouldNotBeNull($"no {typeof(T).Name} was published for the run");
        return message.Context.Message;
    }

    /// <summary>What has been published for the run so far (does not wait).</summary>
    public List<T> AllPublished<T>(Guid runId) where T : class =>
        _provider.GetRequiredService<PublishedMessages>().Of<T>().Where(m => RunIdOf(m) == runId).ToList();

    public string ArtifactPath(Guid runId, string name) => Path.Combine(ArtifactsRoot, runId.ToString(), name);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(ArtifactsRoot, recursive: true);
    }

    private static Guid RunIdOf(object message) =>
        (Guid)(message.GetType().GetProperty("RunId")?.GetValue(message)
            ?? throw new InvalidOperationException($"{message.GetType().Name} has no RunId"));
}
