namespace QuestMesh.Contracts;

public record TestsFixed
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public TestSuite? Suite { get; init; }
    public required FixReport Report { get; init; }
    /// <summary>Failing tests classified <c>code_bug</c>: the target, not the test, is wrong; the tests were removed, not repaired.</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];

    public string? Error { get; init; }
    public double DurationSeconds { get; init; }
}
