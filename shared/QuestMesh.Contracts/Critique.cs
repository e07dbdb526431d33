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

    /// <summary>
    /// The supervisor's model suggestions (<c>Supervisor:Llm:Enabled</c>); null when it is off or the model gave none.
    /// Named apart from the former, always empty <c>llmSuggestions</c> list, so that stored critiques and messages
    /// that still carry it read as before (the unknown field is skipped).
    /// </summary>
    public LlmSuggestions? Suggestions { get; init; }

    /// <summary>What asking the model cost, or why it gave no suggestions; null when <c>Supervisor:Llm:Enabled</c> is off.</summary>
    public SupervisorLlmMetadata? SupervisorLlm { get; init; }
}
