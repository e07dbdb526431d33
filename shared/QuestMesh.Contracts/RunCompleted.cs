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

    /// <summary>
    /// The figures of <see cref="Suite"/> when it is the union of several attempts' suites (at least as good as
    /// <see cref="Best"/>); null when the best attempt's suite is handed over as it was.
    /// </summary>
    public AttemptFigures? Final { get; init; }

    /// <summary>How many tests of <see cref="Suite"/> each attempt wrote, when <see cref="Final"/> is set.</summary>
    public IReadOnlyList<SuiteContribution> Contributions { get; init; } = [];

    /// <summary>How the final suite was made, or why the best attempt's suite stands; null with a single passing attempt.</summary>
    public string? FinalNote { get; init; }

    /// <summary>Behaviour of the target that contradicts its own contract, found during the run (also in <c>findings.json</c>).</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];
}
