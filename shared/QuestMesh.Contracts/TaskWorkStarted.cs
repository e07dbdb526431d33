namespace QuestMesh.Contracts;

/// <summary>A generator took a task (<see cref="RecommendTests"/> or <see cref="GenerateTestFile"/>): it is processing now.</summary>
public record TaskWorkStarted(Guid TaskId);
