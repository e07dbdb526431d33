namespace QuestMesh.Contracts;

/// <summary>
/// The run is over: make its final suite from the passing suites of all its attempts (the best first). The
/// runner merges what the others add into the best one, runs the union, drops the tests that add no arc and
/// kill no mutant, and answers <see cref="SuiteFinalized"/>; the orchestrator keeps the result only when it is at
/// least as good as the best attempt.
/// </summary>
public record FinalizeSuite
{
    public Guid RunId { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public RunSettings Settings { get; init; } = new();

    /// <summary>Each attempt's final, passing suite; the best attempt's first.</summary>
    public IReadOnlyList<AttemptSuite> Suites { get; init; } = [];
}

/// <summary>One attempt's suite, as it stood when the attempt was concluded.</summary>
public record AttemptSuite(int Attempt, TestSuite Suite);

/// <summary>
/// Reply to <see cref="FinalizeSuite"/>: the union (minimised) with the report of its run, or <see cref="Error"/>
/// saying why there is none (the union failed together, it would not load); the best attempt's suite then stands.
/// </summary>
public record SuiteFinalized
{
    public Guid RunId { get; init; }
    public Guid StepId { get; init; }
    public TestSuite? Suite { get; init; }

    /// <summary>The run of <see cref="Suite"/>: coverage, tests, mutation.</summary>
    public ExecutionReport? Execution { get; init; }

    /// <summary>How many of the suite's tests each attempt wrote (the first attempt whose suite held the test as written).</summary>
    public IReadOnlyList<SuiteContribution> Contributions { get; init; } = [];

    /// <summary>Tests of the union left out because they reach no arc and kill no mutant the kept ones do not.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    public string? Error { get; init; }
    public double DurationSeconds { get; init; }
}

/// <summary>The tests of the final suite that one attempt wrote.</summary>
public record SuiteContribution(int Attempt, int Tests);
