using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Supervisor;

/// <summary>Section <c>Supervisor</c>: how much a critique lists and where the reliability policy draws its lines.</summary>
public sealed class SupervisorOptions
{
    public const string Section = "Supervisor";

    /// <summary>Critiques one supervisor process works on at once.</summary>
    [Range(1, 256)]
    public int ConcurrentSteps { get; set; } = 8;

    /// <summary>An attempt is progress when coverage rises by at least this many points (DESIGN.md §2).</summary>
    [Range(0.0, 100.0)]
    public double ProgressCoveragePoints { get; set; } = 1.0;

    /// <summary>…or when the mutation score rises by at least this many points.</summary>
    [Range(0.0, 100.0)]
    public double ProgressMutationPoints { get; set; } = 2.0;

    /// <summary>Ranges of missing lines quoted in the instructions; the rest are summarised.</summary>
    [Range(1, 500)]
    public int MaxListedLineRanges { get; set; } = 25;

    [Range(1, 500)]
    public int MaxListedBranches { get; set; } = 20;

    [Range(1, 500)]
    public int MaxListedMutants { get; set; } = 15;

    [Range(1, 500)]
    public int MaxListedFailures { get; set; } = 10;

    [Range(1, 100)]
    public int MaxListedLintIssues { get; set; } = 10;

    /// <summary>At or above this coverage, a mutation score below <see cref="AssertionFreeMaxMutation"/> suggests tests without assertions.</summary>
    [Range(0.0, 100.0)]
    public double AssertionFreeMinCoverage { get; set; } = 80.0;

    [Range(0.0, 100.0)]
    public double AssertionFreeMaxMutation { get; set; } = 20.0;
}
