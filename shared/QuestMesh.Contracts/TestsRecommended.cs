namespace QuestMesh.Contracts;

/// <summary>
/// Reply to <see cref="RecommendTests"/>: the tests that ran, passed and cover the ranges, and the ones
/// dropped with the reason. <see cref="Error"/> set means the task failed.
/// </summary>
public record TestsRecommended
{
    public Guid TaskId { get; init; }
    public IReadOnlyList<RecommendedTest> RecommendedTests { get; init; } = [];
    public IReadOnlyList<RejectedTest> Dropped { get; init; } = [];

    /// <summary><c>llm</c> or <c>search</c>.</summary>
    public string Strategy { get; init; } = "search";

    /// <summary>Set when a model is configured but could not be used, so the offline search did the work: why.</summary>
    public string? LlmFailure { get; init; }

    public int LlmCalls { get; init; }
    public decimal EstimatedCost { get; init; }
    public string? Error { get; init; }
    public double DurationSeconds { get; init; }
}
