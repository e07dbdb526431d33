using System.Text.Json.Serialization;
using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>static</c>: size, complexity and pyflakes findings of a test module.</summary>
public sealed record StaticReply
{
    public bool SyntaxOk { get; init; }
    [JsonConverter(typeof(SyntaxErrorTextConverter))]
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
    public LinterResult Pyflakes { get; init; } = new();
    public LinterResult Pylint { get; init; } = new();
    public LinterResult Mypy { get; init; } = new();
    public LinterResult Flake8 { get; init; } = new();
    public IReadOnlyList<string> FlakinessSmells { get; init; } = [];
    public string? TargetModule { get; init; }
}
