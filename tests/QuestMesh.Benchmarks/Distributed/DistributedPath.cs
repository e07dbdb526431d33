using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Fixer;
using QuestMesh.Generator;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Runner;
using QuestMesh.StaticAnalysis;
using QuestMesh.Supervisor;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// The distributed path: every service in a host of its own, talking to the others only over RabbitMQ;
/// the orchestrator keeps the saga and the artifacts in PostgreSQL. A client host submits the run and
/// hears its end, as another service would.
/// </summary>
public sealed class DistributedPath : IRunPath
{
    private readonly List<IHost> _hosts;

    private DistributedPath(List<IHost> hosts) => _hosts = hosts;

    public string Name => "distributed";

    private IServiceProvider Orchestrator => _hosts[0].Services;
    private IServiceProvider Client => _hosts[^1].Services;

    public static async Task<DistributedPath> StartAsync(BenchServers servers, string scratch, CancellationToken cancellationToken)
    {
        var database = await servers.CreateDatabaseAsync("questmesh_overhead", cancellationToken);
        IHost Service(string name, Action<IHostApplicationBuilder> add, Action<IBusRegistrationConfigurator>? extra = null,
            params KeyValuePair<string, string?>[] settings) =>
            BenchHost.Build(
                [.. BenchHost.Quiet, .. servers.BusSettings, new("Python:WorkRoot", Path.Combine(scratch, name)), .. settings],
                add, extra);

        var hosts = new List<IHost>
        {
            Service("orchestrator", b => b.AddOrchestrator(), null,
                new("Persistence:Provider", "PostgreSql"), new("Persistence:ConnectionString", database)),
            Service("generator", b => b.AddGenerator()),
            Service("static-analysis", b => b.AddStaticAnalysis()),
            Service("runner", b => b.AddRunner()),
            Service("supervisor", b => b.AddSupervisor()),
            Service("fixer", b => b.AddFixer()),
            Service("client", b => b.Services.AddSingleton<RunEnds>(), RunEndListener.Register),
        };
        var path = new DistributedPath(hosts);
        try
        {
            await BenchHost.StartAsync(hosts, cancellationToken);
        }
        catch
        {
            await path.DisposeAsync();
            throw;
        }
        return path;
    }

    public async Task<RunSample> RunAsync(SubmitRun submit, CancellationToken cancellationToken)
    {
        var end = Client.GetRequiredService<RunEnds>().Of(submit.RunId);
        var started = Stopwatch.GetTimestamp();
        await Client.GetRequiredService<IBus>().Publish(submit, cancellationToken);
        var ended = await end.WaitAsync(cancellationToken);
        return await RunSample.ReadAsync(Name, Orchestrator.GetRequiredService<IArtifactStore>(), submit.RunId,
            Stopwatch.GetElapsedTime(started, ended.Timestamp).TotalSeconds, ended.Outcome, cancellationToken);
    }

    public ValueTask DisposeAsync() => new(BenchHost.StopAsync(_hosts));
}
