namespace QuestMesh.Contracts;

public record TestsExecuted
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required ExecutionReport Report { get; init; }
    public double DurationSeconds { get; init; }
}
