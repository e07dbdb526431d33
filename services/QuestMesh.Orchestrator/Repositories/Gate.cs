using System.Globalization;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>The outcome of the thresholds: <see cref="Checks"/> says each one with its figure, <see cref="Failures"/> the ones that failed.</summary>
public sealed record GateResult(bool Passed, IReadOnlyList<string> Checks, IReadOnlyList<string> Failures)
{
    public bool HasThresholds => Checks.Count > 0;
}

/// <summary>
/// The CI gate: the combined suite's coverage against <c>--min-coverage</c>, its rise over the baseline against
/// <c>--min-delta</c>. Figures are compared as the reports show them, rounded to one decimal, so a summary never
/// shows 80.0 % failing a gate of 80.
/// </summary>
public static class Gate
{
    public static GateResult Evaluate(GateThresholds thresholds, double before, double after)
    {
        var checks = new List<string>();
        var failures = new List<string>();
        var shownAfter = Math.Round(after, 1, MidpointRounding.AwayFromZero);
        var shownDelta = Math.Round(after - before, 1, MidpointRounding.AwayFromZero);
        if (thresholds.MinCoverage is { } minimum)
            Check(shownAfter >= minimum, $"coverage {Format.Percent(after)} {(shownAfter >= minimum ? "≥" : "<")} {Number(minimum)} %");
        if (thresholds.MinDelta is { } delta)
            Check(shownDelta >= delta, $"delta {Format.Points(after - before)} {(shownDelta >= delta ? "≥" : "<")} {Number(delta)} points");
        return new GateResult(failures.Count == 0, checks, failures);

        void Check(bool holds, string text)
        {
            checks.Add(text);
            if (!holds)
                failures.Add(text);
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
