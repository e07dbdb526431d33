namespace QuestMesh.Python.Harness;

/// <summary>The body of <c>coverage_gaps.json</c>: overall figures, then the files with gaps, most missing lines first.</summary>
public sealed record CoverageGaps
{
    public SuiteCoverage Overall { get; init; } = new();
    public IReadOnlyList<FileGaps> Files { get; init; } = [];
    public IReadOnlyList<string> CompleteFiles { get; init; } = [];
}

public sealed record FileGaps
{
    public string Path { get; init; } = "";
    public string File { get; init; } = "";
    public string Module { get; init; } = "";
    public double Percent { get; init; }
    public int Statements { get; init; }
    public int MissingLineCount { get; init; }
    public IReadOnlyList<int> MissingLines { get; init; } = [];
    public IReadOnlyList<int[]> MissingRanges { get; init; } = [];
    public int Branches { get; init; }
    public int CoveredBranches { get; init; }
    public int MissingBranches { get; init; }
    public IReadOnlyList<SymbolGap> Functions { get; init; } = [];
    public IReadOnlyList<SymbolGap> Classes { get; init; } = [];
}

/// <summary>
/// A function, method or class with missing lines. <see cref="Kind"/> is function or method (null for a class);
/// <see cref="UncoveredMethods"/> and <see cref="MethodsWithGaps"/> are a class's only.
/// </summary>
public sealed record SymbolGap
{
    public string Name { get; init; } = "";
    public string Qualname { get; init; } = "";
    public string? Kind { get; init; }
    public int StartLine { get; init; }
    public int EndLine { get; init; }
    public int Statements { get; init; }
    public IReadOnlyList<int> MissingLines { get; init; } = [];
    public bool Uncovered { get; init; }
    public IReadOnlyList<string>? UncoveredMethods { get; init; }
    public IReadOnlyList<string>? MethodsWithGaps { get; init; }
}
