namespace QuestMesh.Contracts;

/// <summary>Start a run: generate, check and improve a test suite for <see cref="TargetFile"/> of <see cref="Source"/>.</summary>
public record SubmitRun
{
    public Guid RunId { get; init; }
    public required SourceSpec Source { get; init; }

    /// <summary>The target module, relative to the project root (forward slashes).</summary>
    public required string TargetFile { get; init; }

    public RunSettings Settings { get; init; } = new();
    public string? Tenant { get; init; }
}
