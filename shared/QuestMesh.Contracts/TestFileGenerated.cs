namespace QuestMesh.Contracts;

/// <summary>
/// Reply to <see cref="GenerateTestFile"/>: a test module whose every test ran and passed against the
/// source, what it covers, and the tests dropped with the reason. <see cref="Error"/> set means the task failed.
/// </summary>
public record TestFileGenerated
{
    public Guid TaskId { get; init; }
    public string GeneratedCode { get; init; } = "";
    public string Explanation { get; init; } = "";
    public IReadOnlyList<string> Tests { get; init; } = [];
    public IReadOnlyList<int> CoveredLines { get; init; } = [];
    public double CoveragePercent { get; init; }
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
