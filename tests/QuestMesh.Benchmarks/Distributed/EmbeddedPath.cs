using QuestMesh.Orchestrator.Runs;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Standalone.Hosting;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// The embedded path: <c>questmesh</c>'s own host (every service, in-memory bus, saga in memory,
/// artifacts on disk), waiting on the run as <c>questmesh run</c> does.
/// </summary>
public sealed class EmbeddedPath : IRunPath
{
    private readonly IHost _host;

    private EmbeddedPath(IHost host) => _host = host;

    public string Name => "embedded";

    public static async Task<EmbeddedPath> StartAsync(string scratch, CancellationToken cancellationToken)
    {
        var host = EmbeddedHost.Build(new Dictionary<string, string?>
        {
            ["Orchestrator:ArtifactsRoot"] = Path.Combine(scratch, "artifacts"),
            ["Python:WorkRoot"] = Path.Combine(scratch, "work"),
        });
        await host.StartAsync(cancellationToken);
        return new EmbeddedPath(host);
    }

    public async Task<RunSample> RunAsync(SubmitRun submit, CancellationToken cancellationToken)
    {
        var events = _host.Services.GetRequiredService<RunWatcher>().Watch(submit.RunId);
        var started = Stopwatch.GetTimestamp();
        await _host.Services.GetRequiredService<IBus>().Publish(submit, cancellationToken);
        await foreach (var message in events.ReadAllAsync(cancellationToken))
        {
            var outcome = message switch
            {
                RunCompleted completed => completed.Reason,
                RunFailed failed => $"{failed.Reason}: {failed.Detail}",
                ArtifactWriteFailed unwritable => $"artifact {unwritable.Name} not written: {unwritable.Reason}",
                _ => null,
            };
            if (outcome is not null)
                return await RunSample.ReadAsync(Name, _host.Services.GetRequiredService<IArtifactStore>(), submit.RunId,
                    Stopwatch.GetElapsedTime(started).TotalSeconds, outcome, cancellationToken);
        }
        throw new InvalidOperationException($"run {submit.RunId} on the embedded path never ended");
    }

    public ValueTask DisposeAsync() => new(BenchHost.StopAsync([_host]));
}
