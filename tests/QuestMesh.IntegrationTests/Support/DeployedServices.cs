using System.Text.RegularExpressions;
using QuestMesh.Contracts;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// One test's services as they are deployed: the five workers as processes of their own (any number of
/// runners), the orchestrator with its saga in PostgreSQL in the test process or as a process of its own
/// too, and a client in the test process, all on a virtual host of the test's own (or on the broker the
/// test brings). Disposing stops the hosts and kills every process.
/// </summary>
public sealed class DeployedServices : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    private DeployedServices(ServiceProcesses workers, ServiceHosts hosts)
    {
        Workers = workers;
        Hosts = hosts;
    }

    public ServiceProcesses Workers { get; }
    public ServiceHosts Hosts { get; }
    public IReadOnlyList<ServiceProcess> Runners => Workers.Runners;
    public IReadOnlyList<ServiceProcess> Orchestrators => Workers.Orchestrators;

    /// <param name="broker">The test's own broker; by default a new virtual host on the shared one.</param>
    /// <param name="orchestratorProcess">The orchestrator as a process (<see cref="StartOrchestratorAsync"/>), not in the test's hosts.</param>
    public static async Task<DeployedServices> StartAsync(InfrastructureFixture infrastructure, int runners = 1,
        IReadOnlyDictionary<string, string?>? runnerSettings = null, Broker? broker = null, bool orchestratorProcess = false)
    {
        broker ??= await infrastructure.CreateVirtualHostAsync();
        var workers = await ServiceProcesses.StartAsync(broker, runners, runnerSettings);
        ServiceHosts? hosts = null;
        try
        {
            hosts = await ServiceHosts.StartAsync(infrastructure, broker, workers: false, orchestrator: !orchestratorProcess);
            var started = new DeployedServices(workers, hosts);
            if (orchestratorProcess)
                await started.StartOrchestratorAsync();
            return started;
        }
        catch
        {
            if (hosts is not null)
                await hosts.DisposeAsync();
            await workers.DisposeAsync();
            throw;
        }
    }

    /// <summary>An orchestrator process on the run database, the first or one after another died.</summary>
    public Task<ServiceProcess> StartOrchestratorAsync() => Workers.StartOrchestratorAsync(Hosts.ConnectionString);

    public async Task<SubmitRun> SubmitAsync(RunSettings? settings = null)
    {
        var submit = ShopRuns.Submit(settings);
        await Hosts.SubmitAsync(submit);
        return submit;
    }

    /// <summary>Submits a run, then waits for the runner that logs the start of its execute step.</summary>
    public async Task<(SubmitRun Run, ServiceProcess Runner, Guid StepId)> SubmitUntilExecutingAsync()
    {
        var run = await SubmitAsync();
        var pattern = new Regex($@"Run {run.RunId} attempt 0: executing step (?<step>[0-9a-f-]{{36}})");
        var found = await Poll.ForAsync(() => Runners
                .SelectMany(r => r.Lines.Select(line => pattern.Match(line)).Where(m => m.Success).Select(m => Tuple.Create(r, Guid.Parse(m.Groups["step"].Value))))
                .FirstOrDefault(),
            StepTimeout, () => $"a runner executing run {run.RunId}\n{Workers.Tails()}");
        return (run, found.Item1, found.Item2);
    }

    /// <summary>The run completed, and reached its end once (<see cref="RunChecks.ShouldHaveEndedOnceAsync"/>).</summary>
    public async Task<RunCompleted> CompletedOnceAsync(Guid runId, TimeSpan? timeout = null)
    {
        var completed = await RunChecks.CompletedAsync(Hosts, runId, timeout ?? RunTimeout, () => Workers.Tails());
        await RunChecks.ShouldHaveEndedOnceAsync(Hosts, runId, completed);
        return completed;
    }

    public async ValueTask DisposeAsync()
    {
        await Hosts.DisposeAsync();
        await Workers.DisposeAsync();
    }
}
