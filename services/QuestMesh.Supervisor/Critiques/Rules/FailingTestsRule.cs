using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Failing tests: the code under test is the reference, so each failing test is named with the reason,
/// to be corrected to what the code really does or dropped.
/// </summary>
public sealed class FailingTestsRule(SupervisorOptions options) : ICritiqueRule
{
    private const int MaxReasonChars = 160;

    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (facts.Failing.Count == 0)
            return;
        critique.FailingTests = true;
        critique.Instruct(
            $"{facts.Failing.Count} of {facts.Ran.Count} tests fail. The code under test is correct by definition: " +
            "change each failing test's expectation to what the code actually returns or raises, or delete the test.");
        foreach (var test in facts.Failing.Take(options.MaxListedFailures))
            critique.Instruct($"Fix or delete `{test.Name}`: {Reason(test)}.");
        if (facts.Failing.Count > options.MaxListedFailures)
            critique.Instruct($"…and {facts.Failing.Count - options.MaxListedFailures} more failing tests.");
    }

    public static string Reason(TestOutcome test)
    {
        var message = (test.Message ?? "").Trim();
        var firstLine = message.Split('\n', 2)[0].Trim();
        if (firstLine.Length > MaxReasonChars)
            firstLine = firstLine[..MaxReasonChars] + "…";
        var type = test.ErrorType;
        var what = string.IsNullOrEmpty(firstLine)
            ? type ?? test.Outcome
            : type is null || firstLine.StartsWith(type, StringComparison.Ordinal) ? firstLine : $"{type}: {firstLine}";
        return what + Where(test.Failure);
    }

    /// <summary>Where the harness saw it raised: in the test's own code or in the code under test, with the line.</summary>
    private static string Where(TestFailure? failure)
    {
        var innermost = failure?.Frames.LastOrDefault(f => f.Kind != FrameKinds.Library);
        return innermost switch
        {
            null => "",
            { Kind: FrameKinds.Test } => $" (raised in the test, line {innermost.Line})",
            _ when failure!.RaisedOnPurpose is true => $" (raised on purpose by the code under test, line {innermost.Line} of {innermost.File})",
            _ => $" (raised in the code under test, line {innermost.Line} of {innermost.File})",
        };
    }
}
