namespace QuestMesh.Contracts;

/// <summary>Published by the run saga at every step, for progress displays, event streams and <c>events.log</c>.</summary>
public record RunStateChanged
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public required string State { get; init; }
    public required string Status { get; init; }
    public double? Coverage { get; init; }
    public double? MutationScore { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset Timestamp { get; init; }
}
