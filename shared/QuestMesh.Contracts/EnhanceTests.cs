namespace QuestMesh.Contracts;

/// <summary>Improve <see cref="Suite"/> along <see cref="Critique"/>: keep what it has, add what it misses.</summary>
public record EnhanceTests
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public RunSettings Settings { get; init; } = new();
    public required TestSuite Suite { get; init; }
    public required Critique Critique { get; init; }
}
