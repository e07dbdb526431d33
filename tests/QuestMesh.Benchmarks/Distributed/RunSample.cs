using System.Text.Json;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>One run on one path: its wall time (submit to end, as the submitter saw it) and what its run_summary.json says.</summary>
public sealed record RunSample(string Path, double WallSeconds, int Attempts, string Outcome,
    IReadOnlyDictionary<string, double> StepSeconds, double? Coverage, double? MutationScore)
{
    /// <summary>
    /// Time in the steps on the run's critical path: static analysis and execution run side by side, so
    /// only the longer of the two counts; every other step runs alone.
    /// </summary>
    public double StepSecondsOnPath =>
        StepSeconds.Where(s => s.Key is not ("static" or "execute")).Sum(s => s.Value)
        + Math.Max(StepSeconds.GetValueOrDefault("static"), StepSeconds.GetValueOrDefault("execute"));

    public double WallPerAttempt => WallSeconds / Math.Max(1, Attempts);
    public double StepsPerAttempt => StepSecondsOnPath / Math.Max(1, Attempts);

    /// <summary>Wall time outside the steps: bus, saga, persistence, and whatever a worker does around its measured step.</summary>
    public double OutsideStepsPerAttempt => WallPerAttempt - StepsPerAttempt;

    public static async Task<RunSample> ReadAsync(string path, IArtifactStore store, Guid runId, double wallSeconds, string outcome,
        CancellationToken cancellationToken)
    {
        var json = await store.ReadAsync(runId, ArtifactNames.RunSummary, cancellationToken)
            ?? throw new InvalidOperationException($"run {runId} on the {path} path left no {ArtifactNames.RunSummary} ({outcome})");
        var summary = JsonSerializer.Deserialize<RunSummaryDocument>(json, ArtifactJson.Options)!;
        return new RunSample(path, wallSeconds, summary.Iterations, outcome, summary.DurationsSeconds,
            summary.Best?.Coverage, summary.Best?.MutationScore);
    }
}
