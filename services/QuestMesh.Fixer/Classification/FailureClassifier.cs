using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>
/// Sorts each failing test, and a module that did not collect, into a <see cref="FailureCategories"/>
/// category and a kind by <see cref="FailureRules"/>, from the structured failure the harness read off the
/// real exception: its type, where it was raised, the compared operands, the missing module or name.
/// Nothing here reads Python or traceback text.
/// </summary>
public sealed class FailureClassifier
{
    /// <summary>Every failing or erroring test of a run, plus one entry for a collection error or a timed-out run.</summary>
    public IReadOnlyList<Failure> ClassifyAll(ExecutionReport report, string suiteFile)
    {
        var failures = report.Tests
            .Where(t => t.Outcome is "failed" or "error")
            .DistinctBy(t => t.Id)
            .Select(t => Classify(t, suiteFile))
            .ToList();
        if (failures.Count == 0 && (report.Status is "error" or "timeout" || !string.IsNullOrWhiteSpace(report.TestError)))
            failures.Add(ClassifyCollection(report, suiteFile));
        return failures;
    }

    public Failure Classify(TestOutcome test, string suiteFile)
    {
        var structured = test.Failure ?? new TestFailure
        {
            // A reply without structured data (an older harness): the type name and message are all there is.
            NodeId = test.Id,
            ExceptionType = test.ErrorType ?? "",
            ExceptionName = test.ErrorType ?? "",
            Message = test.Message ?? "",
        };
        return Categorise(Describe(structured, test.Id, TestNames.PatchName(test)), structured);
    }

    /// <summary>A module that did not load (or a run that timed out or held no test).</summary>
    public Failure ClassifyCollection(ExecutionReport report, string suiteFile)
    {
        var structured = report.CollectionFailures.FirstOrDefault(f => PathsMatch(f.NodeId, suiteFile))
            ?? report.CollectionFailures.FirstOrDefault();
        var failure = structured is null
            ? new Failure { TestId = suiteFile, Category = FailureCategories.Unknown, Summary = FirstLine(report.TestError ?? ""), Origin = FailureOrigin.Test }
            : Describe(structured, suiteFile, patchName: null) with { Origin = FailureOrigin.Test };
        if (report.Status == "timeout")
            return failure with { Category = FailureCategories.Timeout, Summary = "the run reached its time limit" };
        if (structured is null && report.TestError is "no tests were collected")
            return failure with { Category = FailureCategories.NoTests, Summary = "no tests were collected" };
        return structured is null ? failure : Categorise(failure, structured);
    }

    private static Failure Describe(TestFailure structured, string testId, string? patchName)
    {
        var name = structured.ExceptionName is { Length: > 0 } given ? given : null;
        return new Failure
        {
            TestId = testId,
            PatchName = patchName,
            Category = FailureCategories.Unknown,
            ErrorType = name,
            ExceptionType = structured.ExceptionType is { Length: > 0 } type ? type : name,
            ExceptionModule = structured.ExceptionModule,
            Summary = Summary(name, structured.Message),
            Origin = OriginOf(structured),
            SuiteLine = structured.TestLine,
            Assertion = structured.Assertion,
            MissingModule = structured.MissingModule,
            MissingName = structured.MissingName ?? structured.Fixture,
            ImportedFrom = structured.ImportedFrom,
            Facts = structured,
        };
    }

    /// <summary>The innermost frame of the project decides: the test's own code, or the code it called.</summary>
    private static FailureOrigin OriginOf(TestFailure failure) =>
        failure.Frames.LastOrDefault(f => f.Kind != FrameKinds.Library) switch
        {
            null => FailureOrigin.Unknown,
            { Kind: FrameKinds.Test } => FailureOrigin.Test,
            _ => FailureOrigin.CodeUnderTest,
        };

    private static Failure Categorise(Failure failure, TestFailure structured)
    {
        var isTest = failure.PatchName is not null && structured.Phase == "call";
        var rule = FailureRules.Match(new FailureFacts(structured, failure.Origin, isTest));
        return failure with { Category = rule.Category, Kind = rule.Kind };
    }

    private static bool PathsMatch(string nodeId, string suiteFile) =>
        nodeId.Split("::")[0].Replace('\\', '/').TrimStart('.', '/') == suiteFile.Replace('\\', '/').TrimStart('.', '/');

    private static string Summary(string? type, string message)
    {
        var first = FirstLine(message);
        if (type is null || first.StartsWith(type, StringComparison.Ordinal))
            return first;
        return first.Length == 0 ? type : $"{type}: {first}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
