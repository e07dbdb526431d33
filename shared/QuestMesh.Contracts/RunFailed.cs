namespace QuestMesh.Contracts;

/// <summary>A run ended without a usable suite, or was cancelled. <see cref="Reason"/>: cancelled, failed:&lt;why&gt;.</summary>
public record RunFailed
{
    public Guid RunId { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];

    /// <summary>What a person needs to act on the failure (an error message, the step that timed out).</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// The best passing attempt before the run ended, and its suite (also the run's <c>final/</c> artifact): what a
    /// cancelled or failed run still leaves. Null when no attempt passed.
    /// </summary>
    public AttemptFigures? Best { get; init; }

    public TestSuite? Suite { get; init; }
}
