using QuestMesh.Orchestrator.Runs;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using QuestMesh.Contracts;
using QuestMesh.Standalone.Hosting;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Telemetry;

/// <summary>
/// One real run on the embedded host, its telemetry collected by OpenTelemetry's in-memory exporters: every step's
/// spans (the worker's consume, the harness processes it started, the orchestrator's consume of the reply) share one
/// trace and carry the run, attempt and step; the step, run and harness metrics are recorded.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("qm-telemetry-").FullName;
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private IHost _host = null!;

    private static readonly string[] WorkerQueues = ["generate-tests", "analyze-tests", "execute-tests", "critique-attempt", "fix-tests", "finalize-suite"];

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Build(new Dictionary<string, string?>
        {
            ["Orchestrator:ArtifactsRoot"] = Path.Combine(_scratch, "artifacts"),
            ["Python:WorkRoot"] = Path.Combine(_scratch, "work"),
        }, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task A_run_traces_each_step_across_the_services_in_one_trace_and_counts_steps_runs_and_harness_time()
    {
        var runId = NewId.NextGuid();
        var events = _host.Services.GetRequiredService<RunWatcher>().Watch(runId);
        await _host.Services.GetRequiredService<IBus>().Publish(new SubmitRun
        {
            RunId = runId,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = Path.Combine(ApiSamples.RepositoryRoot(), "samples", "shop") },
            TargetFile = "shop/pricing.py",
            Settings = new RunSettings { MaxAttempts = 1, SearchBudgetSeconds = 3, MaxMutants = 10 },
        });
        using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4)))
        {
            await foreach (var message in events.ReadAllAsync(deadline.Token))
                if (message is RunCompleted or RunFailed)
                    break;
        }
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var run = _spans.Where(s => s.GetTagItem("questmesh.run_id") as string == runId.ToString()).ToList();
        // A step: the command a worker consumed (generate-tests receive, …) and the orchestrator's consume of its reply
        // (run-state receive), both tagged with the step's id.
        var steps = run.Where(s => s.GetTagItem("questmesh.step_id") is string)
            .GroupBy(s => (string)s.GetTagItem("questmesh.step_id")!)
            .Where(g => g.Any(s => WorkerQueues.Any(queue => s.DisplayName.StartsWith(queue, StringComparison.Ordinal))))
            .ToList();
        steps.Select(g => WorkerQueues.First(q => g.Any(s => s.DisplayName.StartsWith(q, StringComparison.Ordinal)))).Order()
            .ShouldBe(["analyze-tests", "critique-attempt", "execute-tests", "generate-tests"]);
        foreach (var step in steps)
        {
            step.ShouldContain(s => s.DisplayName.StartsWith("run-state", StringComparison.Ordinal), $"step {step.Key}: the orchestrator's span");
            step.Select(s => s.TraceId).Distinct().ShouldHaveSingleItem($"step {step.Key} in one trace");
        }
        run.ShouldContain(s => s.GetTagItem("questmesh.attempt") is int);
        // The harness processes a step started are spans of that step's trace (other tests' hosts in this process
        // report to every listener too: only this run's traces count).
        var traces = steps.Select(g => g.First().TraceId).ToHashSet();
        var generate = steps.Single(g => g.Any(s => s.DisplayName.StartsWith("generate-tests", StringComparison.Ordinal))).First().TraceId;
        _spans.Where(s => s.DisplayName == "harness explore" && traces.Contains(s.TraceId)).ShouldHaveSingleItem().TraceId.ShouldBe(generate);
        _spans.ShouldContain(s => s.DisplayName == "harness execute" && traces.Contains(s.TraceId));

        var names = _metrics.Select(m => m.Name).ToHashSet();
        names.ShouldContain("questmesh.steps.started");
        names.ShouldContain("questmesh.steps.finished");
        names.ShouldContain("questmesh.step.duration");
        names.ShouldContain("questmesh.runs.ended");
        names.ShouldContain("questmesh.harness.duration");
    }
}
