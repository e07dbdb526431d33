using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques;

/// <summary>The critique as the rules fill it in; instructions keep the order the rules run in.</summary>
public sealed class CritiqueBuilder
{
    private readonly List<string> _instructions = [];

    public bool CompileError { get; set; }
    public bool NoTests { get; set; }
    public bool LowCoverage { get; set; }
    public bool LowMutation { get; set; }
    public bool FailingTests { get; set; }
    public double CoverageDelta { get; set; }
    public double MutationDelta { get; set; }
    public bool NoProgress { get; set; }
    public IReadOnlyList<int> MissingLines { get; set; } = [];
    public IReadOnlyList<MissingBranch> MissingBranches { get; set; } = [];
    public IReadOnlyList<MutantResult> SurvivingMutants { get; set; } = [];

    /// <summary>True once a rule has said the suite cannot run at all; later rules skip advice that would be noise.</summary>
    public bool Blocked => CompileError;

    public IReadOnlyList<string> Instructions => _instructions;

    public void Instruct(string instruction) => _instructions.Add(instruction);

    public Critique Build() => new()
    {
        CompileError = CompileError,
        NoTests = NoTests,
        LowCoverage = LowCoverage,
        LowMutation = LowMutation,
        FailingTests = FailingTests,
        CoverageDelta = CoverageDelta,
        MutationDelta = MutationDelta,
        NoProgress = NoProgress,
        MissingLines = MissingLines,
        MissingBranches = MissingBranches,
        SurvivingMutants = SurvivingMutants,
        Instructions = [.. _instructions],
    };
}
