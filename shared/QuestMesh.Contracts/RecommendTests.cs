namespace QuestMesh.Contracts;

/// <summary>
/// Recommend tests that cover <see cref="UncoveredRanges"/> of a module, for insertion into
/// <see cref="ExistingTestCode"/> (the task API's <c>POST /optimization/coverage</c>). Replied to with
/// <see cref="TestsRecommended"/>; <see cref="TaskWorkStarted"/> when a generator takes it.
/// </summary>
public record RecommendTests
{
    public Guid TaskId { get; init; }
    public required TaskSource Source { get; init; }
    public string ExistingTestCode { get; init; } = "";
    public IReadOnlyList<UncoveredRange> UncoveredRanges { get; init; } = [];
}
