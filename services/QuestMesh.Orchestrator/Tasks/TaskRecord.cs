namespace QuestMesh.Orchestrator.Tasks;

/// <summary>One task of the task API: who asked, where it stands, and its result (JSON) or error once done.</summary>
public sealed record TaskRecord
{
    public required Guid TaskId { get; init; }
    public string? Tenant { get; init; }
    public required string Kind { get; init; }
    public string Status { get; init; } = TaskStatuses.Pending;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? ResultJson { get; init; }
    public string? Error { get; init; }
}
