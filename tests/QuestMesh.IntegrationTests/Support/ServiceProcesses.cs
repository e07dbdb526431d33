namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The five worker services as real processes, started from the assemblies the solution build wrote
/// (<c>dotnet questmesh-runner.dll</c> …), on the test's broker, each with a scratch folder of its own;
/// any number of runners, and orchestrators when the test asks for them. Disposing kills every process
/// still running, whatever the test's outcome.
/// </summary>
public sealed class ServiceProcesses : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private static readonly (string Name, string Project, string Assembly)[] Workers =
    [
        ("generator", "QuestMesh.Generator.Host", "questmesh-generator"),
        ("static-analysis", "QuestMesh.StaticAnalysis.Host", "questmesh-static-analysis"),
        ("supervisor", "QuestMesh.Supervisor.Host", "questmesh-supervisor"),
        ("fixer", "QuestMesh.Fixer.Host", "questmesh-fixer"),
    ];

    private readonly List<ServiceProcess> _processes = [];
    private readonly string _scratch = Directory.CreateTempSubdirectory("questmesh-it-processes-").FullName;
    private readonly Broker _broker;

    private ServiceProcesses(Broker broker)
    {
        _broker = broker;
    }

    public IReadOnlyList<ServiceProcess> Runners => Named("runner");

    /// <summary>Every orchestrator process started, in order, the dead ones too.</summary>
    public IReadOnlyList<ServiceProcess> Orchestrators => Named("orchestrator");

    /// <param name="runnerSettings">Settings every runner gets on top of the shared ones (section:key = value).</param>
    public static async Task<ServiceProcesses> StartAsync(Broker broker, int runners = 1, IReadOnlyDictionary<string, string?>? runnerSettings = null)
    {
        var started = new ServiceProcesses(broker);
        try
        {
            foreach (var (name, project, assembly) in Workers)
                started.Start(name, RepositoryLayout.ServiceAssembly(project, assembly), null);
            var runner = RepositoryLayout.ServiceAssembly("QuestMesh.Runner.Host", "questmesh-runner");
            for (var i = 1; i <= runners; i++)
                started.Start($"runner-{i}", runner, runnerSettings);
            await Task.WhenAll(started._processes.Select(p => p.WaitReadyAsync(StartTimeout)));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        return started;
    }

    /// <summary>
    /// Another orchestrator process (<c>questmesh-orchestrator</c>: saga, API, deadline sweeper) on the
    /// database of <paramref name="connectionString"/>, once ready: migrated, its queues bound.
    /// </summary>
    public async Task<ServiceProcess> StartOrchestratorAsync(string connectionString)
    {
        var orchestrator = Start($"orchestrator-{Orchestrators.Count + 1}",
            RepositoryLayout.ServiceAssembly("QuestMesh.Orchestrator.Host", "questmesh-orchestrator"),
            new Dictionary<string, string?>
            {
                ["Persistence:Provider"] = "PostgreSql",
                ["Persistence:ConnectionString"] = connectionString,
            });
        await orchestrator.WaitReadyAsync(StartTimeout);
        return orchestrator;
    }

    /// <summary>What every process wrote last, for a failure message.</summary>
    public string Tails(int count = 25) => string.Join("\n", _processes.Select(p => p.Tail(count)));

    private List<ServiceProcess> Named(string prefix) =>
        _processes.Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private ServiceProcess Start(string name, string assembly, IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = _broker.Settings();
        settings["Python:Interpreter"] = "/usr/bin/python3";
        settings["Python:WorkRoot"] = Path.Combine(_scratch, name);
        settings["Logging:Console:Format"] = "text";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var started = ServiceProcess.Start(name, assembly, settings);
        _processes.Add(started);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()));
        Directory.Delete(_scratch, recursive: true);
    }
}
