namespace QuestMesh.Contracts;

/// <summary>Reply to <see cref="GenerateTests"/> and <see cref="EnhanceTests"/>. <see cref="Error"/> set means no suite.</summary>
public record TestsGenerated
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }
    public Guid StepId { get; init; }
    public TestSuite? Suite { get; init; }
    public LlmMetadata Metadata { get; init; } = new();

    /// <summary>Facts about the target module (seed artifact <c>context.json</c>), as JSON.</summary>
    public string? ContextJson { get; init; }

    /// <summary>The target module's source as the generator saw it (seed artifact <c>target_code.py</c>).</summary>
    public string? TargetCode { get; init; }
    /// <summary>Behaviour of the target that contradicts its contract, found while generating; never asserted by <see cref="Suite"/>.</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>With <see cref="Error"/>: a <see cref="GenerationFailures"/> kind when the target, not QuestMesh, is the cause.</summary>
    public string? FailureKind { get; init; }
    public double DurationSeconds { get; init; }
}
