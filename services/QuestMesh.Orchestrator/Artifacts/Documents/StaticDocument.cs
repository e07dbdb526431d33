using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>attempt_&lt;n&gt;.static.json</c>; <c>complexity</c> is the average cyclomatic complexity of the suite's functions.</summary>
public sealed record StaticDocument
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
    public double Complexity { get; init; }
    public int MaxComplexity { get; init; }
    public IReadOnlyDictionary<string, LinterResult> Linters { get; init; } = new Dictionary<string, LinterResult>();

    public static StaticDocument From(StaticReport report) => new()
    {
        SyntaxOk = report.SyntaxOk,
        SyntaxError = report.SyntaxError,
        LineCount = report.LineCount,
        FunctionCount = report.FunctionCount,
        ClassCount = report.ClassCount,
        TestCount = report.TestCount,
        AvgFunctionLength = report.AvgFunctionLength,
        MaxFunctionLength = report.MaxFunctionLength,
        TodoCount = report.TodoCount,
        Complexity = report.AvgComplexity,
        MaxComplexity = report.MaxComplexity,
        Linters = report.Linters,
    };
}
