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
}
