using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// How one module run ended. <see cref="Status"/>: completed (a suite; <see cref="Reason"/> is its termination
/// reason), failed, or cancelled (its module budget, the total budget or the user stopped it).
/// </summary>
public sealed record ModuleOutcome
{
    public required PlannedModule Module { get; init; }
    public required Guid RunId { get; init; }
    public required string Status { get; init; }
    public required string Reason { get; init; }
    public string? Detail { get; init; }
    public AttemptFigures? Best { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
    public TestSuite? Suite { get; init; }
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];
    /// <summary>The module run's artifact folder when the run was given one (the command line); else its artifacts are the run's, by its id.</summary>
    public string? Artifacts { get; init; }
    public TimeSpan Duration { get; init; }

    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
