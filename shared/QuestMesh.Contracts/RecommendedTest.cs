namespace QuestMesh.Contracts;

/// <summary>
/// One recommended test, as it was run in the sandbox against the source: <see cref="TestCode"/> is the
/// block to insert before <see cref="TargetLine"/> of the existing test code (imports it lacks included).
/// </summary>
public record RecommendedTest
{
    /// <summary>The test's function or class name(s) as they are in <see cref="TestCode"/>.</summary>
    public IReadOnlyList<string> TestNames { get; init; } = [];

    public required string TestCode { get; init; }

    /// <summary>1-based line of the existing test code before which <see cref="TestCode"/> goes (the harness's merge).</summary>
    public int TargetLine { get; init; }

    public string ScenarioDescription { get; init; } = "";

    /// <summary>What its run really covered, in words: the uncovered lines it executes.</summary>
    public string ExpectedCoverageImpact { get; init; } = "";

    /// <summary>Lines of the source the test executed when it ran.</summary>
    public IReadOnlyList<int> CoveredLines { get; init; } = [];

    /// <summary>The lines of <see cref="CoveredLines"/> that lie in the task's uncovered ranges.</summary>
    public IReadOnlyList<int> CoveredRangeLines { get; init; } = [];

    public bool Passed { get; init; }

    /// <summary>The model's first version failed and this is its one repair.</summary>
    public bool Repaired { get; init; }

    /// <summary><c>llm</c> or <c>search</c>.</summary>
    public string Origin { get; init; } = "search";
}
