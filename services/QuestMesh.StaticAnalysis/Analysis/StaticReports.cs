using QuestMesh.Contracts;
using QuestMesh.Python.Harness;

namespace QuestMesh.StaticAnalysis.Analysis;

public static class StaticReports
{
    public const string Pyflakes = "pyflakes";
    public const string Pylint = "pylint";
    public const string Mypy = "mypy";
    public const string Flake8 = "flake8";

    public static StaticReport From(StaticReply reply, string? suiteFile = null)
    {
        var linters = new Dictionary<string, LinterResult>
        {
            [Pyflakes] = reply.Pyflakes, [Pylint] = reply.Pylint, [Mypy] = reply.Mypy, [Flake8] = reply.Flake8,
        };
        return new StaticReport
        {
            SyntaxOk = reply.SyntaxOk,
            SyntaxError = reply.SyntaxError,
            LineCount = reply.LineCount,
            FunctionCount = reply.FunctionCount,
            ClassCount = reply.ClassCount,
            TestCount = reply.TestCount,
            AvgFunctionLength = reply.AvgFunctionLength,
            MaxFunctionLength = reply.MaxFunctionLength,
            TodoCount = reply.TodoCount,
            AvgComplexity = reply.AvgComplexity,
            MaxComplexity = reply.MaxComplexity,
            FlakinessSmells = reply.FlakinessSmells,
            TargetModule = reply.TargetModule,
            SuiteFile = suiteFile,
            Linters = linters,
        };
    }

    /// <summary>
    /// The harness could not look at the suite (it crashed or timed out). Nothing is known about its
    /// syntax, so it is not called valid; the reason travels in the pyflakes entry for a person to read.
    /// </summary>
    public static StaticReport Unanalysed(string reason, string source)
    {
        var linters = new[] { Pyflakes, Pylint, Mypy, Flake8 }.ToDictionary(
            name => name, _ => new LinterResult { Available = false, Output = $"static analysis could not run: {reason}" });
        return new StaticReport
        {
            SyntaxOk = false,
            LineCount = source.Split('\n').Length,
            Linters = linters,
        };
    }
}
