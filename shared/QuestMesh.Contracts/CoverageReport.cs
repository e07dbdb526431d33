namespace QuestMesh.Contracts;

/// <summary>Branch coverage of the target file, as coverage.py measures it.</summary>
public record CoverageReport
{
    /// <summary>coverage.py's total: (covered statements + covered branches) / (statements + branches), in percent.</summary>
    public double Percent { get; init; }
    public int Statements { get; init; }
    public int CoveredStatements { get; init; }
    public int Branches { get; init; }
    public int CoveredBranches { get; init; }
    public IReadOnlyList<int> MissingLines { get; init; } = [];
    public IReadOnlyList<int> CoveredLines { get; init; } = [];
    public IReadOnlyList<MissingBranch> MissingBranches { get; init; } = [];

    /// <summary>Test id → the target's arcs (from, to) it ran; only when <see cref="ExecuteTests.TestArcs"/> asked for it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int[]>>? TestArcs { get; init; }
}
