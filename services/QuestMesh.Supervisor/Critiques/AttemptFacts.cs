using QuestMesh.Contracts;

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

    /// <summary>Why the module did not load, as the harness read it from the exception; null when it loaded (or an older harness said only in text).</summary>
    public required TestFailure? LoadFailure { get; init; }
    public required bool TimedOut { get; init; }
    public required double Coverage { get; init; }
    public required double? MutationScore { get; init; }

    public static AttemptFacts From(CritiqueAttempt input)
    {
        var execution = input.Execution;
        var ran = execution.Tests.Where(t => t.Outcome != "skipped").ToList();
        var failing = ran.Where(IsFailing).ToList();
        var loadFailure = execution.CollectionFailures.FirstOrDefault();
        var executionSyntax = loadFailure?.ExceptionName is "SyntaxError" or "IndentationError" or "TabError";
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
            CompileMessage = input.Static.SyntaxError ?? (executionSyntax ? Named(loadFailure!) : null),
            LoadFailure = loadFailure,
            CollectionError = !executionSyntax && (execution.Status == "error" || !string.IsNullOrWhiteSpace(execution.TestError)),
            TimedOut = execution.Status == "timeout",
            Coverage = execution.Coverage?.Percent ?? 0.0,
            MutationScore = execution.Mutation is { Total: > 0 } m ? m.Score : null,
        };
    }

    public static bool IsFailing(TestOutcome test) => test.Outcome is "failed" or "error";

    /// <summary><c>ModuleNotFoundError: No module named 'x'</c>: the exception's name and the first line of its message.</summary>
    public static string Named(TestFailure failure)
    {
        var message = failure.Message.Trim().Split('\n', 2)[0].Trim();
        return message.Length == 0 ? failure.ExceptionName : $"{failure.ExceptionName}: {message}";
    }

    /// <summary>The first line of an error text, for a person (a harness's own sentence, or what an older one said).</summary>
    public static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
