namespace QuestMesh.Contracts;

/// <summary>What running a suite showed (seed artifact <c>response.json</c>).</summary>
public record ExecutionReport
{
    /// <summary>passed, failed (some tests failed), error (collection or import error), timeout.</summary>
    public string Status { get; init; } = "error";
    public bool Success { get; init; }
    public int ExitCode { get; init; }
    public double ExecutionTime { get; init; }
    public CoverageReport? Coverage { get; init; }
    public IReadOnlyList<TestOutcome> Tests { get; init; } = [];
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";

    /// <summary>A collection, import or harness error that stopped the suite from running.</summary>
    public string? TestError { get; init; }

    /// <summary>Why the module (or another collected file) did not load, as structured data; empty when it loaded.</summary>
    public IReadOnlyList<TestFailure> CollectionFailures { get; init; } = [];

    public MutationReport? Mutation { get; init; }

    /// <summary>Why mutation testing produced no <see cref="Mutation"/> report (a time-out, a crash); null when it ran or was skipped.</summary>
    public string? MutationError { get; init; }

    /// <summary>Ids of tests whose outcome changed when the suite ran again in shuffled order (the flaky check).</summary>
    public IReadOnlyList<string> FlakyTests { get; init; } = [];

    /// <summary>Shuffled reruns the flaky check made; 0 when it did not run (switched off, or the first run was not a clean one).</summary>
    public int FlakyRuns { get; init; }
}
