using QuestMesh.Contracts;

namespace QuestMesh.Runner.Execution;

/// <summary>
/// The flaky check's decisions: whether a first run is worth rerunning, each rerun's seed and time
/// limit, and which tests changed their outcome across the runs.
/// </summary>
public static class FlakyPolicy
{
    /// <summary>A rerun gets at least this long, so a fast suite is not cut off by a busy machine.</summary>
    private const double MinRerunSeconds = 10;

    /// <summary>…and at most this many times the first run's duration (and never more than the execution limit).</summary>
    private const double RerunDurationFactor = 5;

    public static int Runs(ExecuteTests command, RunnerOptions options) =>
        Math.Clamp(command.FlakyRuns ?? options.FlakyRuns, 0, options.MaxFlakyRuns);

    /// <summary>
    /// Only a first run whose tests all got an outcome says what "changed" means: a collection error,
    /// a time-out or a crash has no per-test baseline, and a slow suite would multiply its cost.
    /// </summary>
    public static bool ShouldCheck(ExecutionReport first, int runs, RunnerOptions options) =>
        runs > 0
        && first.Status is ExecutionStatus.Passed or ExecutionStatus.Failed
        && string.IsNullOrWhiteSpace(first.TestError)
        && first.Tests.Count > 0
        && first.ExecutionTime < options.FlakyCheckMaxSuiteSeconds;

    /// <summary>A different, replayable order per rerun of the same command.</summary>
    public static int ShuffleSeed(int commandSeed, int run) => unchecked(commandSeed * 1_000_003 + run);

    /// <summary>
    /// A rerun takes about as long as the first run; bounding it by that keeps the check's worst case
    /// at a few times the suite's cost instead of <c>FlakyRuns</c> full execution limits.
    /// </summary>
    public static TimeSpan RerunLimit(ExecutionReport first, RunnerOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.ExecutionTimeoutSeconds,
            Math.Ceiling(Math.Max(MinRerunSeconds, first.ExecutionTime * RerunDurationFactor))));

    /// <summary>
    /// The first run's report with each test whose outcome differed in any rerun marked flaky. A test
    /// a rerun did not reach (it was stopped early) is judged on the runs that have it.
    /// </summary>
    public static ExecutionReport Mark(ExecutionReport first, IReadOnlyList<ExecutionReport> reruns)
    {
        var outcomes = reruns
            .SelectMany(r => r.Tests)
            .GroupBy(t => t.Id)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Outcome).ToHashSet(StringComparer.Ordinal));
        var tests = first.Tests
            .Select(t => outcomes.TryGetValue(t.Id, out var seen) && seen.Any(o => o != t.Outcome) ? t with { Flaky = true } : t)
            .ToList();
        return first with
        {
            Tests = tests,
            FlakyTests = tests.Where(t => t.Flaky).Select(t => t.Id).Distinct().ToList(),
            FlakyRuns = reruns.Count,
        };
    }
}
