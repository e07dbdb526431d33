using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// QuestMesh's own spans and metrics (source and meter <see cref="Name"/>), next to what MassTransit, ASP.NET Core,
/// HttpClient and Npgsql report: steps started and finished per kind with their durations, steps in progress,
/// run outcomes, and the time the harness's processes take per command.
/// </summary>
public static class QuestMeshTelemetry
{
    public const string Name = "QuestMesh";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> StepsStarted = Meter.CreateCounter<long>("questmesh.steps.started", description: "Steps a worker began, per kind");
    private static readonly Counter<long> StepsFinished = Meter.CreateCounter<long>("questmesh.steps.finished", description: "Steps a worker finished, per kind and outcome (ok, fault)");
    private static readonly UpDownCounter<long> StepsInProgress = Meter.CreateUpDownCounter<long>("questmesh.steps.in_progress", description: "Steps being worked on now, per kind");
    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("questmesh.step.duration", "s", "How long a step took in the worker, per kind");
    private static readonly Counter<long> RunsEnded = Meter.CreateCounter<long>("questmesh.runs.ended", description: "Runs that ended, per outcome (completed, failed, cancelled) and reason");
    private static readonly Histogram<double> HarnessDuration = Meter.CreateHistogram<double>("questmesh.harness.duration", "s", "Wall time of one harness process, per command");

    public static void StepStarted(string kind)
    {
        StepsStarted.Add(1, new KeyValuePair<string, object?>("kind", kind));
        StepsInProgress.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public static void StepFinished(string kind, double seconds, bool faulted)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", faulted ? "fault" : "ok" } };
        StepsFinished.Add(1, tags);
        StepsInProgress.Add(-1, new KeyValuePair<string, object?>("kind", kind));
        StepDuration.Record(seconds, new KeyValuePair<string, object?>("kind", kind));
    }

    public static void RunEnded(string outcome, string reason) =>
        RunsEnded.Add(1, new TagList { { "outcome", outcome }, { "reason", reason } });

    public static void HarnessRan(string command, double seconds, bool sandboxed) =>
        HarnessDuration.Record(seconds, new TagList { { "command", command }, { "sandboxed", sandboxed } });
}
