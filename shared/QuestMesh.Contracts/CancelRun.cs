namespace QuestMesh.Contracts;

public record CancelRun(Guid RunId, string? Reason);
