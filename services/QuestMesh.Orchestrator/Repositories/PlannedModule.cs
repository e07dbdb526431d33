namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// A module with gaps, to be given a module run: <see cref="File"/> relative to the Python root (the run's target),
/// <see cref="Path"/> relative to the repository; <see cref="Gain"/> is what it can add to coverage.py's total
/// (missing statements plus missing branches).
/// </summary>
public sealed record PlannedModule(string File, string Path, string Module, double Percent, int MissingLines, int MissingBranches)
{
    public int Gain => MissingLines + MissingBranches;
}

/// <summary>A module with gaps that got no module run, and why.</summary>
public sealed record SkippedModule(string Path, string Module, string Reason);
