using QuestMesh.Contracts;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Supervisor.Critiques;

/// <summary>Facts about one attempt that several rules and the reliability policy decide on, derived once.</summary>
public sealed record AttemptFacts
{
    public required CritiqueAttempt Input { get; init; }
    public required string TargetModule { get; init; }
    public required IReadOnlyList<TestOutcome> Ran { get; init; }
    public required IReadOnlyList<TestOutcome> Failing { get; init; }

    /// <summary>Tests the runner's flaky check saw change outcome across shuffled reruns.</summary>
    public required IReadOnlyList<TestOutcome> Flaky { get; init; }
    public required int Passed { get; init; }
    public required bool CompileError { get; init; }
    public required string? CompileMessage { get; init; }
    public required bool CollectionError { get; init; }
    public required bool TimedOut { get; init; }
    public required double Coverage { get; init; }
    public required double? MutationScore { get; init; }

    public static AttemptFacts From(CritiqueAttempt input)
    {
        var execution = input.Execution;
        var ran = execution.Tests.Where(t => t.Outcome != "skipped").ToList();
        var failing = ran.Where(IsFailing).ToList();
        var executionSyntax = execution.CollectionFailures.Any(f => f.ExceptionName is "SyntaxError" or "IndentationError" or "TabError")
            || MentionsSyntaxError(execution.TestError);
        // A default StaticReport (static analysis did not run) must not read as a syntax error.
        var staticSyntax = input.Static.SyntaxError is not null || (!input.Static.SyntaxOk && input.Static.LineCount > 0);
        return new AttemptFacts
        {
            Input = input,
            // The harness names the module (static analysis); without it the path is the best description.
            TargetModule = input.Static.TargetModule ?? input.TargetFile,
            Ran = ran,
            Failing = failing,
            Flaky = execution.Tests.Where(t => t.Flaky || execution.FlakyTests.Contains(t.Id)).DistinctBy(t => t.Id).ToList(),
            Passed = ran.Count(t => t.Outcome == "passed"),
            CompileError = staticSyntax || executionSyntax,
            CompileMessage = input.Static.SyntaxError ?? (executionSyntax ? KeyLine(execution.TestError!) : null),
            CollectionError = !executionSyntax && (execution.Status == "error" || !string.IsNullOrWhiteSpace(execution.TestError)),
            TimedOut = execution.Status == "timeout",
            Coverage = execution.Coverage?.Percent ?? 0.0,
            MutationScore = execution.Mutation is { Total: > 0 } m ? m.Score : null,
        };
    }

    public static bool IsFailing(TestOutcome test) => test.Outcome is "failed" or "error";

    /// <summary>The line of an error text that names the error (<c>ModuleNotFoundError: No module named 'x'</c>).</summary>
    public static string KeyLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var named = lines.LastOrDefault(l => l.StartsWith("E ", StringComparison.Ordinal))
            ?? lines.LastOrDefault(l => l.Contains("Error", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal))
            ?? lines.FirstOrDefault()
            ?? "";
        return named.StartsWith("E ", StringComparison.Ordinal) ? named[2..].Trim() : named;
    }

    /// <summary>A report from a harness without structured collection failures.</summary>
    private static bool MentionsSyntaxError(string? text) =>
        text is not null && (text.Contains("SyntaxError", StringComparison.Ordinal) || text.Contains("IndentationError", StringComparison.Ordinal));
}
