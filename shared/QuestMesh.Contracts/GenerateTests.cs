namespace QuestMesh.Contracts;

/// <summary>Write a first test suite for the target (attempt 0).</summary>
public record GenerateTests
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public RunSettings Settings { get; init; } = new();
}
