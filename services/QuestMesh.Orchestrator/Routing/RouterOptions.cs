using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator.Routing;

/// <summary>
/// What counts as progress between attempts (DESIGN.md §2). Targets, attempt and fix-round budgets are
/// per run (<see cref="Contracts.RunSettings"/>); these are per deployment.
/// </summary>
public sealed class RouterOptions
{
    /// <summary>An attempt is progress when coverage rises by at least this many points.</summary>
    [Range(0.0, 100.0)]
    public double CoverageProgressPoints { get; set; } = 1.0;

    /// <summary>... or when the mutation score rises by at least this many points.</summary>
    [Range(0.0, 100.0)]
    public double MutationProgressPoints { get; set; } = 2.0;

    /// <summary>This many finished attempts in a row without progress, below a target, end the run.</summary>
    [Range(1, 100)]
    public int NoProgressAttempts { get; set; } = 2;
}
