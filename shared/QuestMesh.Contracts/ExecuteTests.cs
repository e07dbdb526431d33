namespace QuestMesh.Contracts;

/// <summary>Run <see cref="Suite"/> in the sandbox with branch coverage of the target, then mutation testing.</summary>
public record ExecuteTests
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public required TestSuite Suite { get; init; }
    public bool Mutation { get; init; } = true;
    public int? MaxMutants { get; init; }
    public int Seed { get; init; } = 42;

    /// <summary>Shuffled reruns of the flaky check; null takes the runner's <c>Runner:FlakyRuns</c>, 0 skips the check.</summary>
    public int? FlakyRuns { get; init; }

    /// <summary>Also report each test's arcs (<see cref="CoverageReport.TestArcs"/>), to minimise the suite.</summary>
    public bool TestArcs { get; init; }
}
