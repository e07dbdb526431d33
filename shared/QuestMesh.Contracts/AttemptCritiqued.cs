namespace QuestMesh.Contracts;

public record AttemptCritiqued
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required Critique Critique { get; init; }
    public required PostReliability Reliability { get; init; }
}
