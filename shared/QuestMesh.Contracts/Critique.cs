namespace QuestMesh.Contracts;

/// <summary>The supervisor's verdict on one attempt (seed artifact <c>critique.json</c>).</summary>
public record Critique
{
    public bool CompileError { get; init; }
    public bool NoTests { get; init; }
    public bool LowCoverage { get; init; }
    public bool LowMutation { get; init; }
    public bool FailingTests { get; init; }
    public double CoverageDelta { get; init; }
    public double MutationDelta { get; init; }
    public bool NoProgress { get; init; }
    public IReadOnlyList<int> MissingLines { get; init; } = [];
    public IReadOnlyList<MissingBranch> MissingBranches { get; init; } = [];
    public IReadOnlyList<MutantResult> SurvivingMutants { get; init; } = [];

    /// <summary>What the next generation step should do, most important first.</summary>
    public IReadOnlyList<string> Instructions { get; init; } = [];
    public IReadOnlyList<string> LlmSuggestions { get; init; } = [];
}
