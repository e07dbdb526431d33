namespace QuestMesh.Contracts;

/// <summary>Static facts about a generated suite (seed artifact <c>static.json</c>).</summary>
public record StaticReport
{
    public bool SyntaxOk { get; init; }
    public string? SyntaxError { get; init; }
    public int LineCount { get; init; }
    public int FunctionCount { get; init; }
    public int ClassCount { get; init; }
    public int TestCount { get; init; }
    public double AvgFunctionLength { get; init; }
    public int MaxFunctionLength { get; init; }
    public int TodoCount { get; init; }
    public double AvgComplexity { get; init; }
    public int MaxComplexity { get; init; }

    /// <summary>Constructs that can make the verdict change from run to run (sleeps, unseeded randomness, the clock, the network).</summary>
    public IReadOnlyList<string> FlakinessSmells { get; init; } = [];

    /// <summary>The import name of the target module (<c>calc.ops</c> for <c>src/calc/ops.py</c>); null when unknown.</summary>
    public string? TargetModule { get; init; }

    /// <summary>The suite's path in the project, which the findings are about.</summary>
    public string? SuiteFile { get; init; }
    public IReadOnlyDictionary<string, LinterResult> Linters { get; init; } = new Dictionary<string, LinterResult>();
}
