using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>
/// A run of a repository's whole suite (<see cref="MeasureRequest"/>) for a repository run: on a fresh copy of
/// <see cref="Source"/> (its <see cref="SourceSpec.Root"/> the Python root) with <see cref="Files"/> (generated test
/// modules) written in first, in the sandbox of a runner — the step that imports the repository's code goes where
/// sandboxes are. Answered with <see cref="SuiteMeasured"/>.
/// </summary>
public sealed record MeasureSuite
{
    public Guid RunId { get; init; }
    public Guid StepId { get; init; }
    public required SourceSpec Source { get; init; }
    public required MeasureRequest Request { get; init; }
    public IReadOnlyList<InlineFile> Files { get; init; } = [];

    /// <summary>Wall-clock limit of the suite run, seconds (the harness ends it a little before; the reports get a minute more).</summary>
    public int TimeoutSeconds { get; init; }
}

/// <summary>
/// The answer to <see cref="MeasureSuite"/>: the harness's reply, or why there is none (<see cref="Error"/>); and, when
/// the source declares requirements, what became of them on this runner (<see cref="Dependencies"/>).
/// </summary>
public sealed record SuiteMeasured
{
    public Guid RunId { get; init; }
    public Guid StepId { get; init; }
    public MeasureReply? Reply { get; init; }
    public string? Error { get; init; }
    public Environments.DependencyEnvironment? Dependencies { get; init; }
}
