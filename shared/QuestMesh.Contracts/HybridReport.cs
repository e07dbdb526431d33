namespace QuestMesh.Contracts;

/// <summary>
/// How a hybrid step split the work (part of <c>llm_metadata.json</c>): the offline search wrote the
/// suite, the model was asked only for the gaps it left, and each model test was run and kept only
/// when it passed and added coverage or killed a surviving mutant.
/// </summary>
public record HybridReport
{
    public StrategyShare Search { get; init; } = new();
    public StrategyShare Llm { get; init; } = new();

    /// <summary>Gaps the model was asked about (missing lines, branches and surviving mutants).</summary>
    public int GapsAsked { get; init; }

    /// <summary>Functions (qualified names; <c>&lt;module&gt;</c> for module level) the model was asked about.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    public IReadOnlyList<string> Kept { get; init; } = [];
    public IReadOnlyList<RejectedTest> Rejected { get; init; } = [];

    /// <summary>The model's estimated cost divided by the branches only its tests cover; null when they cover none.</summary>
    public decimal? CostPerCoveredBranch { get; init; }

    /// <summary>Set when the model could not help (no endpoint answer, an unusable answer): the search's suite stands, and this says why.</summary>
    public string? LlmFailure { get; init; }
}
