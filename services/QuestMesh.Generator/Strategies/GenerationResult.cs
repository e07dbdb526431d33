using QuestMesh.Contracts;

namespace QuestMesh.Generator.Strategies;

/// <summary>What a strategy produced: a suite, or an <see cref="Error"/> a person can act on.</summary>
public sealed record GenerationResult
{
    public TestSuite? Suite { get; init; }
    public LlmMetadata Metadata { get; init; } = new();
    public string? ContextJson { get; init; }
    public string? TargetCode { get; init; }
    public string? Error { get; init; }

    /// <summary>Behaviour of the target that contradicts its contract, found while generating (never asserted by <see cref="Suite"/>).</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];

    /// <summary>A <see cref="GenerationFailures"/> kind when the target is the cause of <see cref="Error"/>.</summary>
    public string? FailureKind { get; init; }

    /// <summary>No suite; what is known about the target is still kept for the run's artifacts.</summary>
    public static GenerationResult Failed(string strategy, string error, string? targetCode = null, string? contextJson = null,
        string? failureKind = null) => new()
    {
        FailureKind = failureKind,
        Metadata = new LlmMetadata { Strategy = strategy },
        Error = error,
        TargetCode = targetCode,
        ContextJson = contextJson,
    };
}
