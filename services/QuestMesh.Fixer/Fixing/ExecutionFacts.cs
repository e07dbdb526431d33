using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Fixing;

/// <summary>Reading a re-run: did the module load, did any test remain, which tests fail.</summary>
public static class ExecutionFacts
{
    public static bool IsFailing(TestOutcome test) => test.Outcome is "failed" or "error";

    /// <summary>The module loaded but holds no test (every one was removed).</summary>
    public static bool NoTestsLeft(ExecutionReport report) =>
        report.Tests.Count == 0 && (report.TestError?.Contains("no tests were collected", StringComparison.Ordinal) ?? false);

    /// <summary>The module did not load (or hung while loading): no test outcome to go by.</summary>
    public static bool LoadFailed(ExecutionReport report) =>
        report.Tests.Count == 0 && !NoTestsLeft(report) && (report.Status is "error" or "timeout" || report.TestError is not null);

    public static int FailingCount(ExecutionReport report) =>
        report.Tests.Where(IsFailing).Select(t => t.Id).Distinct().Count() + (LoadFailed(report) ? 1 : 0);
}
