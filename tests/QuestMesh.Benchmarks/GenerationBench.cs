using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuestMesh.Contracts;
using QuestMesh.Python;

namespace QuestMesh.Benchmarks;

/// <summary>
/// The offline search on the generation corpus: for each target, `explore` (seed 42, the same budget for
/// all), then `execute` (branch coverage of the target, and the suite run three more times in shuffled
/// order), the suite by hand (<see cref="SuiteByHand"/>) and `mutate` (the runner's engine) on the written
/// suite; crashes and skipped targets; the figures beside Pynguin's.
/// </summary>
public sealed class GenerationBench(HarnessClient harness, SuiteByHand byHand, BenchOptions options)
{
    private const int Seed = 42;
    private const int ShuffledRuns = 3;

    public async Task<int> RunAsync()
    {
        var scratch = options.CorpusDirectory is null ? Directory.CreateTempSubdirectory("questmesh-corpus-").FullName : null;
        try
        {
            var corpus = options.CorpusDirectory ?? await GenerationCorpus.MaterializeAsync(options.SharedDirectory, scratch!);
            if (corpus is null)
                return 2;
            var targets = GenerationCorpus.Read(corpus);
            if (options.Only is { } only)
            {
                var unknown = only.Where(id => targets.All(t => t.Id != id)).ToList();
                if (unknown.Count > 0)
                {
                    Console.Error.WriteLine($"quest bench: no target {string.Join(", ", unknown)} in {corpus} " +
                                            $"(ids: {string.Join(", ", targets.Select(t => t.Id))})");
                    return 2;
                }
                targets = targets.Where(t => only.Contains(t.Id)).ToList();
            }
            if (targets.Count == 0)
            {
                Console.Error.WriteLine($"quest bench: no targets (target.json) under {corpus}");
                return 2;
            }
            var peers = PynguinFigures.Read(Path.Combine(options.SharedDirectory, "bench", "README.md"));
            var results = new List<TargetResult>();
            foreach (var target in targets)
            {
                Console.Error.WriteLine($"bench: {target.Id} ({target.Module}, budget {options.BudgetSeconds:0} s)");
                var result = await MeasureAsync(target, peers.GetValueOrDefault(target.Id));
                results.Add(result);
                Console.Error.WriteLine($"bench: {target.Id}: crash {result.Crash ?? "no"}, skipped {result.Skipped.Count}, " +
                    $"{result.Tests} tests, coverage {result.Coverage:0.0} %, mutation {result.MutationScore:0.0} %" +
                    $"{(result.MutationError is { } m ? $" ({m})" : "")}, by hand {(result.PassesByHand ? "yes" : "no")}, " +
                    $"shuffled {result.ShuffledPasses}/{ShuffledRuns}, {result.GenerationSeconds:0.0} s");
            }
            var medians = new Medians(Median(results.Select(r => r.Coverage)), Median(results.Select(r => r.MutationScore)),
                Median(results.Select(r => r.GenerationSeconds)), Median(results.Select(r => (double)r.Tests)),
                Median(results.Select(r => (double)r.Skipped.Count)), results.Count(r => r.Crash is not null),
                results.Count(r => r.PassesByHand), results.Count(r => r.ShuffledPasses == ShuffledRuns));
            Print(results, medians);
            Directory.CreateDirectory(options.OutputDirectory);
            var file = Path.Combine(options.OutputDirectory, $"generation-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
            {
                machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
                seed = Seed,
                budget_seconds = options.BudgetSeconds,
                medians,
                targets = results,
            }, new JsonSerializerOptions(HarnessJson.Options) { WriteIndented = true }));
            Console.WriteLine($"written {file}");
            return 0;
        }
        finally
        {
            if (scratch is not null)
                Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<TargetResult> MeasureAsync(GenerationTarget target, PynguinFigures? peer)
    {
        var project = GenerationCorpus.Prepare(target);
        try
        {
            var testFile = $"tests/test_questmesh_{Path.GetFileNameWithoutExtension(target.File)}.py";
            var attempts = new List<AttemptFigures>();
            GenerationReply? first = null;
            ExecutionReport? executed = null;
            var mutation = new MutationReport();
            string? mutationError = null;
            string? existing = null;
            object? focus = null;
            var generation = 0.0;
            var tests = 0;
            // Attempt 0 writes the suite; each later one is an enhance attempt as the runner makes it: the suite so
            // far, what it misses (lines, branches, surviving mutants) as the focus, and the next seed.
            for (var attempt = 0; attempt < options.Attempts; attempt++)
            {
                var stopwatch = Stopwatch.StartNew();
                GenerationReply explored;
                try
                {
                    explored = await harness.RunAsync<GenerationReply>("explore", new
                    {
                        ProjectDir = project, TargetFile = target.File, Seed = Seed + attempt,
                        BudgetSeconds = options.BudgetSeconds, Style = "auto", TestFile = testFile,
                        ExistingTests = existing, Focus = focus,
                    }, project, TimeSpan.FromSeconds(options.BudgetSeconds + 120));
                }
                catch (HarnessException error)
                {
                    if (attempt == 0)
                        return TargetResult.Crashed(target, stopwatch.Elapsed.TotalSeconds, OneLine(error.Message), peer);
                    attempts.Add(new AttemptFigures(attempt, stopwatch.Elapsed.TotalSeconds, 0, null, null, OneLine(error.Message)));
                    break;
                }
                generation += stopwatch.Elapsed.TotalSeconds;
                if (attempt == 0)
                {
                    first = explored;
                    if (string.IsNullOrWhiteSpace(explored.TestSource))
                        return TargetResult.Crashed(target, generation, "no suite: " + (explored.ImportError ?? "no test kept"), peer) with
                        {
                            Skipped = explored.Skipped,
                        };
                }
                else if (explored.NewTests == 0 || explored.TestSource == existing)
                {
                    attempts.Add(new AttemptFigures(attempt, stopwatch.Elapsed.TotalSeconds, 0, null, null, "no new test"));
                    break;
                }
                Directory.CreateDirectory(Path.Combine(project, "tests"));
                await File.WriteAllTextAsync(Path.Combine(project, testFile), explored.TestSource);
                executed = await ExecuteAsync(project, target, testFile, null);
                (mutation, mutationError) = await MutateAsync(project, target, testFile);
                attempts.Add(new AttemptFigures(attempt, stopwatch.Elapsed.TotalSeconds, explored.NewTests,
                    executed.Coverage?.Percent, mutationError is null ? mutation.Score : null, null));
                existing = explored.TestSource;
                tests = explored.Tests;
                focus = new
                {
                    MissingLines = executed.Coverage?.MissingLines ?? [],
                    MissingBranches = (executed.Coverage?.MissingBranches ?? []).Select(b => new { b.From, b.To }).ToList(),
                    SurvivingMutants = mutation.Mutants.Where(m => m.Status == "survived")
                        .Select(m => new { m.Line, m.Original, m.Mutated }).ToList(),
                };
            }
            var byHandFailures = await byHand.FailuresAsync(project, testFile);
            var shuffledPasses = 0;
            var shuffledFailures = new SortedSet<string>(StringComparer.Ordinal);
            for (var run = 1; run <= ShuffledRuns; run++)
            {
                var shuffled = await ExecuteAsync(project, target, testFile, run);
                shuffledPasses += shuffled.Success ? 1 : 0;
                shuffledFailures.UnionWith(shuffled.Tests.Where(t => t.Outcome is "failed" or "error").Select(t => t.Name));
                if (shuffled.TestError is { } error)
                    shuffledFailures.Add(OneLine(error));
            }
            var explored0 = first!;
            var coverage = executed!.Coverage ?? new CoverageReport();
            var result = new TargetResult(target.Id, target.Module, generation, tests, explored0.Verified,
                explored0.BudgetExhausted, explored0.ImportError, executed.Status, shuffledPasses,
                Percent(coverage.CoveredStatements, coverage.Statements), Percent(coverage.CoveredBranches, coverage.Branches),
                coverage.Percent, coverage.Statements, coverage.Branches, mutation.Score, mutation.Killed + mutation.Timeout,
                mutation.Total, peer)
            {
                Skipped = explored0.Skipped, DroppedTests = explored0.DroppedTests.Count, PassesByHand = byHandFailures is null,
                ByHandFailures = byHandFailures, ShuffledFailures = shuffledFailures.ToList(),
                MutationError = mutationError, Attempts = attempts,
            };
            return result with { LowCoverageReason = result.Coverage < 50 ? LowCoverageReason(explored0, result, coverage) : null };
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private async Task<(MutationReport Report, string? Error)> MutateAsync(string project, GenerationTarget target, string testFile)
    {
        try
        {
            return (await harness.RunAsync<MutationReport>("mutate", new
            {
                ProjectDir = project, TargetFile = target.File, Tests = testFile, Seed,
                Workers = Environment.ProcessorCount,
            }, project, TimeSpan.FromMinutes(20)), null);
        }
        catch (HarnessException error)
        {
            // The suite is there; only its score is unknown (e.g. pytest imported the target's package first).
            return (new MutationReport(), OneLine(error.Message));
        }
    }

    /// <summary>Why a module stayed under 50 %, in the harness's own terms.</summary>
    private static string LowCoverageReason(GenerationReply explored, TargetResult result, CoverageReport coverage)
    {
        var reasons = new List<string>();
        if (coverage.CoveredStatements == 0 && explored.ArcsCovered > 0)
            reasons.Add("the search reached the module but the suite's run measured none of its file: pytest imported " +
                        $"another copy of {result.Module} first{(result.MutationError is { } m ? $" ({m})" : "")}");
        if (explored.Skipped.Count > 0)
            reasons.Add($"{explored.Skipped.Count} targets skipped (first: {explored.Skipped[0].Target} at {explored.Skipped[0].Stage}: " +
                        $"{explored.Skipped[0].ErrorType} {explored.Skipped[0].Message})");
        if (explored.DroppedTests.Count > 0)
            reasons.Add($"{explored.DroppedTests.Count} tests dropped in verification");
        if (explored.BudgetExhausted)
            reasons.Add("the clock cut the search short");
        if (explored.ArcsTotal > 0)
            reasons.Add($"the search reached {explored.ArcsCovered} of {explored.ArcsTotal} arcs in {explored.Calls} calls");
        if (result.ExecuteStatus != "passed")
            reasons.Add($"the suite's run ended {result.ExecuteStatus}");
        if (MostMissed(explored.Context, coverage.MissingLines) is { Length: > 0 } where)
            reasons.Add($"most missing lines are in {where}");
        return string.Join("; ", reasons);
    }

    /// <summary>The functions (as the harness's analysis bounds them) holding most of the missing lines.</summary>
    private static string MostMissed(ModuleOutline? outline, IReadOnlyList<int> missing)
    {
        if (outline is null || missing.Count == 0)
            return "";
        var units = outline.Functions.Concat(outline.Classes.SelectMany(c => c.Methods)).ToList();
        var counts = missing.GroupBy(line => units.Where(u => u.Lineno <= line && line <= u.EndLineno)
                .OrderBy(u => u.EndLineno - u.Lineno).Select(u => u.Qualname).FirstOrDefault() ?? "module-level code")
            .Select(g => (Name: g.Key, Lines: g.Count())).OrderByDescending(g => g.Lines).ThenBy(g => g.Name, StringComparer.Ordinal);
        return string.Join(", ", counts.Take(4).Select(g => $"{g.Name} ({g.Lines})"));
    }

    private static string OneLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? text;

    private Task<ExecutionReport> ExecuteAsync(string project, GenerationTarget target, string testFile, int? shuffle) =>
        harness.RunAsync<ExecutionReport>("execute", new
        {
            ProjectDir = project, TargetFile = target.File, TestFile = testFile, Framework = "auto",
            TimeoutSeconds = 300, ShuffleSeed = shuffle,
        }, project, TimeSpan.FromMinutes(6));

    private static double Percent(int part, int whole) => whole == 0 ? 100 : 100.0 * part / whole;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return 0;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private void Print(List<TargetResult> results, Medians medians)
    {
        static string F(double? value, string format = "0.0") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
        Console.WriteLine();
        Console.WriteLine($"Offline search, seed {Seed}, budget {F(options.BudgetSeconds, "0")} s, {Environment.ProcessorCount} cores. " +
                          "Coverage: coverage.py branch mode on the target; mutation: the runner's engine (timeouts count as killed).");
        Console.WriteLine("By hand: `python3 -m pytest` from the project folder (src/ on PYTHONPATH, a random hash seed); " +
                          "shuffled: the runner's seeded shuffled order, 3 seeds.");
        Console.WriteLine("Pynguin (shared/bench/README.md): 0.46.0, 60 s search, seed 42, its mutation score by mutmut 2.5.1, not by this engine.");
        Console.WriteLine("| target | crash | skipped | generation | tests | verified | by hand | shuffled runs passed | statements | branches | total | mutation score | Pynguin total | Pynguin score |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            var crash = r.Crash is { } why ? $"yes: {why}" : "no";
            var note = r.BudgetExhausted ? " (clock cut)" : "";
            Console.WriteLine($"| {r.Id} | {crash} | {r.Skipped.Count} | {F(r.GenerationSeconds)} s{note} | {r.Tests} | {(r.Verified ? "yes" : "no")} | " +
                $"{(r.PassesByHand ? "yes" : "no")} | {r.ShuffledPasses}/{ShuffledRuns} | " +
                $"{F(r.StatementPercent)} % | {F(r.BranchPercent)} % | {F(r.Coverage)} % | {F(r.MutationScore)} % ({r.MutantsKilled} of {r.Mutants}) | " +
                $"{(r.Pynguin is { } p ? F(p.Total) + " %" : "-")} | {(r.Pynguin is { } q ? F(q.Score) + " %" : "-")} |");
        }
        Console.WriteLine($"| **median** | {medians.Crashes} crashes | {F(medians.Skipped, "0.#")} | {F(medians.GenerationSeconds)} s | {F(medians.Tests, "0.#")} | | " +
                          $"{medians.PassingByHand}/{results.Count} | {medians.PassingShuffled}/{results.Count} all 3 | | | " +
                          $"{F(medians.Coverage)} % | {F(medians.MutationScore)} % | | |");
        foreach (var r in results.Where(r => r.Crash is null && r.LowCoverageReason is not null))
            Console.WriteLine($"under 50 %: {r.Id} ({F(r.Coverage)} %): {r.LowCoverageReason}");
        foreach (var r in results.Where(r => r.MutationError is not null))
            Console.WriteLine($"no mutation score for {r.Id}: {r.MutationError}");
        foreach (var r in results.Where(r => r.ByHandFailures is not null))
            Console.WriteLine($"fails by hand: {r.Id}: {r.ByHandFailures}");
        foreach (var r in results.Where(r => r.ShuffledFailures.Count > 0))
            Console.WriteLine($"fails shuffled: {r.Id}: {string.Join(", ", r.ShuffledFailures.Take(5))}");
        foreach (var r in results.Where(r => r.Skipped.Count > 0))
            Console.WriteLine($"skipped in {r.Id}: " + string.Join("; ", r.Skipped.Select(s => $"{s.Target} at {s.Stage}: {s.ErrorType} ({s.Location})")));
        if (options.Attempts <= 1)
            return;
        Console.WriteLine();
        Console.WriteLine("Per attempt (coverage / mutation after it, search seconds, new tests):");
        foreach (var r in results.Where(r => r.Attempts.Count > 0))
            Console.WriteLine($"{r.Id}: " + string.Join(" → ", r.Attempts.Select(a => a.Stopped is { } why
                ? $"#{a.Attempt} {why} ({F(a.Seconds)} s)"
                : $"#{a.Attempt} {F(a.Coverage)} / {F(a.MutationScore)} % ({F(a.Seconds)} s, +{a.NewTests})")));
        var gains = results.Where(r => r.Attempts.Count > 1 && r.Attempts[0].Coverage is not null).Select(r =>
            (Coverage: r.Coverage - r.Attempts[0].Coverage!.Value, Mutation: r.MutationScore - (r.Attempts[0].MutationScore ?? 0))).ToList();
        Console.WriteLine($"Median gain after attempt 0: coverage {F(Median(gains.Select(g => g.Coverage)))} points, " +
                          $"mutation {F(Median(gains.Select(g => g.Mutation)))} points ({gains.Count(g => g.Coverage >= 1 || g.Mutation >= 1)} " +
                          $"of {gains.Count} modules gained a point or more)");
    }

    /// <summary>One attempt's figures: seconds of the search, tests it added, coverage and mutation after it (null
    /// when it wrote nothing), and why it ended the attempts, if it did.</summary>
    private sealed record AttemptFigures(int Attempt, double Seconds, int NewTests, double? Coverage, double? MutationScore,
        string? Stopped);

    private sealed record OutlineUnit(string Qualname, int Lineno, int EndLineno);

    private sealed record OutlineClass
    {
        public IReadOnlyList<OutlineUnit> Methods { get; init; } = [];
    }

    /// <summary>The part of the harness's analysis (the reply's <c>context</c>) that bounds functions and methods.</summary>
    private sealed record ModuleOutline
    {
        public IReadOnlyList<OutlineUnit> Functions { get; init; } = [];
        public IReadOnlyList<OutlineClass> Classes { get; init; } = [];
    }

    private sealed record GenerationReply
    {
        public ModuleOutline? Context { get; init; }
        public string TestSource { get; init; } = "";
        public int Tests { get; init; }
        public int NewTests { get; init; }
        public bool Verified { get; init; }
        public bool BudgetExhausted { get; init; }
        public string? ImportError { get; init; }
        public int Calls { get; init; }
        public int ArcsCovered { get; init; }
        public int ArcsTotal { get; init; }
        public IReadOnlyList<string> DroppedTests { get; init; } = [];
        public IReadOnlyList<SkippedTarget> Skipped { get; init; } = [];
    }

    private sealed record Medians(double Coverage, double MutationScore, double GenerationSeconds, double Tests, double Skipped,
        int Crashes, int PassingByHand, int PassingShuffled);

    private sealed record TargetResult(
        string Id, string Module, double GenerationSeconds, int Tests, bool Verified, bool BudgetExhausted,
        string? ImportError, string ExecuteStatus, int ShuffledPasses, double StatementPercent, double BranchPercent,
        double Coverage, int Statements, int Branches, double MutationScore, int MutantsKilled, int Mutants,
        [property: JsonPropertyName("pynguin")] PynguinFigures? Pynguin)
    {
        /// <summary>Null, or the one line that says why no suite came out (a harness crash, no suite).</summary>
        public string? Crash { get; init; }
        public IReadOnlyList<SkippedTarget> Skipped { get; init; } = [];
        public int DroppedTests { get; init; }
        public bool PassesByHand { get; init; }
        public string? LowCoverageReason { get; init; }
        public string? MutationError { get; init; }
        public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
        public string? ByHandFailures { get; init; }
        public IReadOnlyList<string> ShuffledFailures { get; init; } = [];

        public static TargetResult Crashed(GenerationTarget target, double seconds, string why, PynguinFigures? peer) =>
            new(target.Id, target.Module, seconds, 0, false, false, null, "none", 0, 0, 0, 0, target.Statements,
                target.Branches, 0, 0, 0, peer) { Crash = why };
    }
}
