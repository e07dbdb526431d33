namespace QuestMesh.Contracts;

/// <summary>One test's result. <see cref="Outcome"/> is passed, failed, error or skipped.</summary>
public record TestOutcome
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Outcome { get; init; }
    public double Duration { get; init; }
    public string? ErrorType { get; init; }
    public string? Message { get; init; }
    public string? Traceback { get; init; }

    /// <summary>The failure as structured data, for a failed or erroring test; null otherwise (and from older harnesses).</summary>
    public TestFailure? Failure { get; init; }

    /// <summary>The outcome changed across the flaky check's shuffled reruns; <see cref="Outcome"/> is the first run's.</summary>
    public bool Flaky { get; init; }
}
