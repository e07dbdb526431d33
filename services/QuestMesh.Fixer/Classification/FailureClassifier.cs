using System.Text.RegularExpressions;
using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>
/// Sorts each failing test, and a module that did not collect, into a <see cref="FailureCategories"/>
/// category from its exception type, message and traceback; pulls out what a repair needs (the compared
/// values, the missing module or name, the suite line that failed).
/// </summary>
public sealed partial class FailureClassifier
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
            failures.Add(ClassifyCollection(report.TestError, report.Status, suiteFile));
        return failures;
    }

    public Failure Classify(TestOutcome test, string suiteFile)
    {
        var message = test.Message ?? "";
        var errorType = test.ErrorType is { Length: > 0 } given ? given : TypeFromMessage(message);
        var frames = TracebackFrames.Parse(test.Traceback);
        var suiteFrame = frames.LastOrDefault(f => TracebackFrames.IsFile(f.File, suiteFile));
        var origin = frames.Count == 0 ? FailureOrigin.Unknown
            : TracebackFrames.IsFile(frames[^1].File, suiteFile) ? FailureOrigin.Test
            : FailureOrigin.CodeUnderTest;
        var failure = new Failure
        {
            TestId = test.Id,
            PatchName = TestNames.PatchName(test),
            Category = FailureCategories.Unknown,
            ErrorType = errorType,
            Summary = Summary(errorType, message),
            Origin = origin,
            SuiteLine = suiteFrame?.Line,
            SuiteLineText = suiteFrame?.SourceText,
        };
        return Categorise(failure, errorType, message, message + "\n" + test.Traceback);
    }

    /// <summary>A module that did not load: the last <c>E   Type: message</c> line of pytest's text names the cause.</summary>
    public Failure ClassifyCollection(string? testError, string status, string suiteFile)
    {
        var text = testError ?? "";
        string? errorType = null;
        var message = "";
        foreach (Match match in ErrorLine().Matches(text))
        {
            errorType = match.Groups["type"].Value.Split('.')[^1];
            message = match.Groups["message"].Value.Trim();
        }
        var lineMatch = ModuleFrame().Matches(text).LastOrDefault(m => TracebackFrames.IsFile(m.Groups["file"].Value, suiteFile));
        var failure = new Failure
        {
            TestId = suiteFile,
            Category = FailureCategories.Unknown,
            ErrorType = errorType,
            Summary = errorType is null ? FirstLine(text) : Summary(errorType, message),
            Origin = FailureOrigin.Test,
            SuiteLine = lineMatch is null ? null : int.Parse(lineMatch.Groups["line"].Value),
        };
        if (status == "timeout")
            return failure with { Category = FailureCategories.Timeout, Summary = "the run reached its time limit" };
        if (text.Contains("no tests were collected", StringComparison.Ordinal))
            return failure with { Category = FailureCategories.NoTests, Summary = "no tests were collected" };
        return Categorise(failure, errorType, message, text);
    }

    private static Failure Categorise(Failure failure, string? type, string message, string text)
    {
        if (type is "Timeout" || text.Contains("reached its time limit", StringComparison.Ordinal) || text.Contains("Timeout >", StringComparison.Ordinal))
            return failure with { Category = FailureCategories.Timeout };
        var fixture = FixtureNotFound().Match(text);
        if (fixture.Success || type == "FixtureLookupError")
            return failure with { Category = FailureCategories.FixtureMissing, MissingName = fixture.Success ? fixture.Groups[1].Value : null };
        if (type is "SyntaxError" or "IndentationError" or "TabError")
            return failure with { Category = FailureCategories.SyntaxError };
        if (type is "ModuleNotFoundError" or "ImportError" || NoModule().IsMatch(text) || CannotImport().IsMatch(text))
            return ImportFailure(failure, text);
        if (type == "Failed" && text.Contains("DID NOT RAISE", StringComparison.Ordinal))
            return failure with { Category = FailureCategories.DidNotRaise };
        if (type == "AssertionError" || (type is null && message.StartsWith("assert ", StringComparison.Ordinal)))
        {
            var comparison = AssertionComparison.Parse(message);
            return failure with
            {
                Category = comparison is null ? FailureCategories.AssertionFailed : FailureCategories.AssertionMismatch,
                Comparison = comparison,
            };
        }
        var inTest = failure.Origin != FailureOrigin.CodeUnderTest;
        if (type is "NameError" or "UnboundLocalError" && inTest)
            return failure with { Category = FailureCategories.NameError, MissingName = NameNotDefined().Match(text) is { Success: true } n ? n.Groups[1].Value : null };
        if (type == "AttributeError" && inTest)
            return failure with { Category = FailureCategories.AttributeError };
        if (type == "TypeError" && (inTest || SignatureMismatch().IsMatch(text)))
            return failure with { Category = FailureCategories.TypeError };
        return type is { Length: > 0 }
            ? failure with { Category = FailureCategories.ExceptionRaised }
            : failure with { Category = FailureCategories.Unknown };
    }

    private static Failure ImportFailure(Failure failure, string text)
    {
        if (CannotImport().Match(text) is { Success: true } cannot)
            return failure with
            {
                Category = FailureCategories.ImportError,
                MissingName = cannot.Groups["name"].Value,
                ImportedFrom = cannot.Groups["module"].Success ? cannot.Groups["module"].Value : null,
            };
        var module = NoModule().Match(text);
        return failure with { Category = FailureCategories.ImportError, MissingModule = module.Success ? module.Groups[1].Value : null };
    }

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

    private static string? TypeFromMessage(string message) =>
        TypePrefix().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^([A-Z]\w*(?:Error|Exception|Exit|Warning))\b")]
    private static partial Regex TypePrefix();

    [GeneratedRegex(@"^E\s+(?<type>[A-Za-z_][\w.]*(?:Error|Exception))(?::[ \t]*(?<message>.*))?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^(?<file>[^\s:]+\.py):(?<line>\d+): in <module>", RegexOptions.Multiline)]
    private static partial Regex ModuleFrame();

    [GeneratedRegex(@"fixture '([^']+)' not found")]
    private static partial Regex FixtureNotFound();

    [GeneratedRegex(@"No module named '([^']+)'")]
    private static partial Regex NoModule();

    [GeneratedRegex(@"cannot import name '(?<name>[^']+)'(?: from '(?<module>[^']+)')?")]
    private static partial Regex CannotImport();

    [GeneratedRegex(@"name '([^']+)' is not defined|local variable '([^']+)' referenced")]
    private static partial Regex NameNotDefined();

    [GeneratedRegex(@"(takes \d+ positional arguments?|missing \d+ required|unexpected keyword argument|got multiple values for|takes no arguments)")]
    private static partial Regex SignatureMismatch();
}
