using QuestMesh.Contracts;

namespace QuestMesh.Generator.Strategies;

/// <summary>A generate or enhance command, seen the same way by every strategy.</summary>
public sealed record GenerationRequest
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required string TargetFile { get; init; }
    public RunSettings Settings { get; init; } = new();

    /// <summary>The suite to improve; null when writing the first one.</summary>
    public TestSuite? ExistingSuite { get; init; }

    public Critique? Critique { get; init; }

    public static GenerationRequest From(GenerateTests command) => new()
    {
        RunId = command.RunId,
        Attempt = command.Attempt,
        StepId = command.StepId,
        Source = command.Source,
        TargetFile = command.TargetFile,
        Settings = command.Settings,
    };

    public static GenerationRequest From(EnhanceTests command) => new()
    {
        RunId = command.RunId,
        Attempt = command.Attempt,
        StepId = command.StepId,
        Source = command.Source,
        TargetFile = command.TargetFile,
        Settings = command.Settings,
        ExistingSuite = command.Suite,
        Critique = command.Critique,
    };
}
