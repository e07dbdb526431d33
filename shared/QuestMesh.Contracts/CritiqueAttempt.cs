namespace QuestMesh.Contracts;

public record CritiqueAttempt
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required string TargetFile { get; init; }
    public required TestSuite Suite { get; init; }
    public required StaticReport Static { get; init; }
    public required PreReliability PreReliability { get; init; }
    public required ExecutionReport Execution { get; init; }

    /// <summary>The previous attempt's figures, for deltas; null on attempt 0.</summary>
    public AttemptFigures? Previous { get; init; }
    public RunSettings Settings { get; init; } = new();

    /// <summary>The target module's source (<c>target_code.py</c>), when known: lets the critique quote missing lines.</summary>
    public string? TargetCode { get; init; }

    /// <summary>The run's possible bugs in the target found so far, so advice does not ask tests to assert them.</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];
}
