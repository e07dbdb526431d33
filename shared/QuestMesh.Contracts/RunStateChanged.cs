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

    /// <summary>
    /// The key of the message that caused the change (its StepId; the run id for the submission): the same
    /// key as the change's <c>events.log</c> line, so a reader can tell a change it has already seen.
    /// </summary>
    public Guid StepId { get; init; }
}
