namespace QuestMesh.Contracts;

/// <summary>A run ended with a suite. <see cref="Reason"/>: targets-met, max-attempts, no-progress.</summary>
public record RunCompleted
{
    public Guid RunId { get; init; }
    public required string Reason { get; init; }
    public required AttemptFigures Best { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
    public TestSuite? Suite { get; init; }
    public bool TargetsMet { get; init; }

    /// <summary>Behaviour of the target that contradicts its own contract, found during the run (also in <c>findings.json</c>).</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];
}
