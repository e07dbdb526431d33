namespace QuestMesh.Contracts;

public record AnalyzeTests
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public required TestSuite Suite { get; init; }
    public LlmMetadata? Metadata { get; init; }
}
