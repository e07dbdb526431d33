namespace QuestMesh.Contracts;

public record TestsAnalyzed
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required StaticReport Report { get; init; }
    public required PreReliability Reliability { get; init; }
    public double DurationSeconds { get; init; }
}
