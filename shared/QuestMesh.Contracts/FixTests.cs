namespace QuestMesh.Contracts;

/// <summary>Repair the failing tests of <see cref="Suite"/> as <see cref="Execution"/> reported them.</summary>
public record FixTests
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public int FixRound { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public required TestSuite Suite { get; init; }
    public required ExecutionReport Execution { get; init; }
}
