using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>How an execution report becomes an attempt's figures, and which attempt is the best.</summary>
public static class AttemptScoring
{
    public static AttemptFigures Figures(int attempt, ExecutionReport report) => new()
    {
        Attempt = attempt,
        Coverage = report.Coverage?.Percent ?? 0,
        MutationScore = report.Mutation?.Score ?? 0,
        Tests = report.Tests.Count,
        Passed = report.Tests.Count(t => t.Outcome == "passed"),
        Failed = report.Tests.Count(t => t.Outcome is "failed" or "error"),
        Status = report.Status,
    };

    /// <summary>Every test of the attempt passed (its final suite, after any fix rounds).</summary>
    public static bool Passed(AttemptFigures figures) => figures.Status == "passed";

    /// <summary>Tests failed, errored, timed out, or never collected: the FIX condition of DESIGN.md §2.</summary>
    public static bool TestsFailing(ExecutionReport report) => report.Status != "passed";

    /// <summary>
    /// DESIGN.md §2: the best attempt has the highest coverage, then the highest mutation score; ties keep the earlier one.
    /// An attempt whose tests fail never beats one whose tests pass, whatever its figures: its suite is not one to hand over.
    /// </summary>
    public static bool IsBetter(AttemptFigures candidate, AttemptFigures? best)
    {
        if (best is null)
            return true;
        if (Passed(candidate) != Passed(best))
            return Passed(candidate);
        if (candidate.Coverage != best.Coverage)
            return candidate.Coverage > best.Coverage;
        return candidate.MutationScore > best.MutationScore;
    }
}
