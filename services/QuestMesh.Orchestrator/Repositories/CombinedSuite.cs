using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>One run of the combined suite: its figures, how its tests went, and what was dropped after it.</summary>
public sealed record CombinedRound(int Round, SuiteCoverage Coverage, SuiteTotals Totals, IReadOnlyList<DroppedTest> Dropped);

/// <summary>
/// The combined suite as it stands: the last run (with the reports), the generated files kept, what was dropped, and
/// the generated tests' conftest.py when it stays (there are generated tests, and it loads).
/// </summary>
public sealed record CombinedResult(MeasureReply Final, IReadOnlyList<GeneratedFile> Kept, IReadOnlyList<DroppedTest> Dropped,
    IReadOnlyList<CombinedRound> Rounds)
{
    public GeneratedConftest? Conftest { get; init; }
}

/// <summary>
/// The existing tests and the generated ones, run together. Each module run proved its tests alone; together they
/// can still fail (shared state, a conftest, names). Existing tests are never modified: a generated test that fails
/// is dropped with the reason (its function or class deleted by the harness's <c>patch</c>), a generated file that
/// does not load goes whole, and a generated file goes when existing tests that passed in the baseline fail with it
/// (the last one added first). After <see cref="RepositoryOptions.MaxCombineRounds"/> runs, every generated file
/// that still fails goes at once and the suite runs one last time. The generated tests' conftest.py goes with them;
/// when it does not load (pytest then runs nothing), it is dropped first and the suite runs again without it.
/// </summary>
public sealed class CombinedSuite(SuiteMeasurements measurements, HarnessClient harness, IOptions<RepositoryOptions> options)
{
    public async Task<CombinedResult> RunAsync(Guid runId, RepositoryContext context, MeasureReply baseline, IReadOnlyList<GeneratedFile> generated,
        GeneratedConftest? conftest, Action<CombinedRound> progress, CancellationToken cancellationToken)
    {
        var kept = generated.ToList();
        var dropped = new List<DroppedTest>();
        var rounds = new List<CombinedRound>();
        var passedBefore = baseline.Tests.Where(t => t.Outcome == "passed").Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        for (var round = 1; ; round++)
        {
            var reply = await measurements.MeasureAsync(runId, context, kept, conftest, reports: true, cancellationToken);
            List<DroppedTest> applied;
            if (BrokenConftest(reply, conftest) is { } brokenConftest)
            {
                applied = [brokenConftest];
                conftest = null;
            }
            else
            {
                List<DroppedTest> drops = round > options.Value.MaxCombineRounds
                    ? []
                    : Decide(reply, kept, passedBefore, wholeFiles: round == options.Value.MaxCombineRounds);
                applied = drops.Count == 0 ? [] : await ApplyAsync(kept, drops, cancellationToken);
            }
            dropped.AddRange(applied);
            var record = new CombinedRound(round, reply.Coverage, reply.Totals, applied);
            rounds.Add(record);
            progress(record);
            if (applied.Count == 0)
                return new CombinedResult(reply, kept, dropped, rounds) { Conftest = kept.Count > 0 ? conftest : null };
        }
    }

    internal static DroppedTest? BrokenConftest(MeasureReply reply, GeneratedConftest? conftest) =>
        conftest is not null && reply.ConftestErrors.FirstOrDefault(e => e.Path == conftest.Path) is { } error
            ? new DroppedTest(conftest.Path, null, $"does not load, so pytest ran nothing: {error.ErrorType}: {FirstLine(error.Message)}")
            : null;

    internal static List<DroppedTest> Decide(MeasureReply reply, IReadOnlyList<GeneratedFile> kept, IReadOnlySet<string> passedBefore,
        bool wholeFiles)
    {
        var drops = new List<DroppedTest>();
        foreach (var file in kept)
        {
            var prefix = file.TestFile + "::";
            if (reply.CollectionErrors.FirstOrDefault(e => e.Id == file.TestFile) is { } broken)
            {
                drops.Add(new DroppedTest(file.TestFile, null, $"does not load with the existing tests: {broken.ErrorType}: {FirstLine(broken.Message)}"));
                continue;
            }
            var own = reply.Tests.Where(t => t.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var failing = own.Where(IsFailing).ToList();
            if (failing.Count == 0)
                continue;
            if (wholeFiles || failing.Count == own.Count)
            {
                var why = failing.Count == own.Count ? "every test of it fails" : $"{failing.Count} of its tests still fail";
                drops.Add(new DroppedTest(file.TestFile, null, $"{why} with the existing tests (first: {Describe(failing[0])})"));
                continue;
            }
            foreach (var name in failing.GroupBy(t => TestName(t.Id, prefix)))
                drops.Add(new DroppedTest(file.TestFile, name.Key, $"fails with the existing tests: {Describe(name.First())}"));
        }
        if (drops.Count == 0 && kept.Count > 0)
        {
            var regressed = reply.Tests.Where(t => IsFailing(t) && passedBefore.Contains(t.Id)).Select(t => t.Id).ToList();
            if (regressed.Count > 0)
                drops.Add(new DroppedTest(kept[^1].TestFile, null, $"existing tests that pass without it fail with it: {string.Join(", ", regressed.Take(3))}"));
        }
        return drops;
    }

    private async Task<List<DroppedTest>> ApplyAsync(List<GeneratedFile> kept, List<DroppedTest> drops, CancellationToken cancellationToken)
    {
        var applied = new List<DroppedTest>();
        foreach (var group in drops.GroupBy(d => d.TestFile))
        {
            var index = kept.FindIndex(f => f.TestFile == group.Key);
            if (group.Any(d => d.Test is null))
            {
                kept.RemoveAt(index);
                applied.Add(group.First(d => d.Test is null));
                continue;
            }
            var source = kept[index].Source;
            foreach (var drop in group)
            {
                try
                {
                    source = (await harness.PatchAsync(source, "delete", drop.Test!, code: null, cancellationToken)).Source;
                    applied.Add(drop);
                }
                catch (HarnessException error) when (error.BadRequest)
                {
                    // A test the harness cannot delete by name: its file goes, so that no failing generated test stays.
                    kept.RemoveAt(index);
                    applied.Add(new DroppedTest(group.Key, null, $"{drop.Reason}; the test could not be removed alone ({error.Message})"));
                    source = null;
                    break;
                }
            }
            if (source is not null)
                kept[index] = kept[index] with { Source = source };
        }
        return applied;
    }

    private static bool IsFailing(TestOutcome test) => test.Outcome is "failed" or "error";

    /// <summary><c>tests/generated/test_x.py::TestCart::test_add[2]</c> → <c>TestCart.test_add</c>, the name <c>patch</c> deletes by.</summary>
    internal static string TestName(string id, string prefix)
    {
        var parts = id[prefix.Length..].Split("::");
        var lastPart = parts[^1];
        var bracket = lastPart.IndexOf('[', StringComparison.Ordinal);
        parts[^1] = bracket >= 0 ? lastPart[..bracket] : lastPart;
        return string.Join('.', parts);
    }

    private static string Describe(TestOutcome test) =>
        $"{test.ErrorType ?? test.Outcome}{(string.IsNullOrWhiteSpace(test.Message) ? "" : ": " + FirstLine(test.Message))}";

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
