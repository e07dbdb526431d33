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
            var stopwatch = Stopwatch.StartNew();
            GenerationReply explored;
            try
            {
                explored = await harness.RunAsync<GenerationReply>("explore", new
                {
                    ProjectDir = project, TargetFile = target.File, Seed, BudgetSeconds = options.BudgetSeconds,
                    Style = "auto", TestFile = testFile,
                }, project, TimeSpan.FromSeconds(options.BudgetSeconds + 120));
            }
            catch (HarnessException error)
            {
                return TargetResult.Crashed(target, stopwatch.Elapsed.TotalSeconds, OneLine(error.Message), peer);
            }
            var generation = stopwatch.Elapsed.TotalSeconds;
            if (string.IsNullOrWhiteSpace(explored.TestSource))
                return TargetResult.Crashed(target, generation, "no suite: " + (explored.ImportError ?? "no test kept"), peer) with
                {
                    Skipped = explored.Skipped,
                };
            Directory.CreateDirectory(Path.Combine(project, "tests"));
            await File.WriteAllTextAsync(Path.Combine(project, testFile), explored.TestSource);
            var executed = await ExecuteAsync(project, target, testFile, null);
            var passesByHand = await byHand.PassesAsync(project, testFile);
            var shuffledPasses = 0;
            for (var run = 1; run <= ShuffledRuns; run++)
                shuffledPasses += (await ExecuteAsync(project, target, testFile, run)).Success ? 1 : 0;
            MutationReport mutation;
            string? mutationError = null;
            try
            {
                mutation = await harness.RunAsync<MutationReport>("mutate", new
                {
                    ProjectDir = project, TargetFile = target.File, Tests = testFile, Seed,
                    Workers = Environment.ProcessorCount,
                }, project, TimeSpan.FromMinutes(20));
            }
            catch (HarnessException error)
            {
                // The suite is there; only its score is unknown (e.g. pytest imported the target's package first).
                mutation = new MutationReport();
                mutationError = OneLine(error.Message);
            }
            var coverage = executed.Coverage ?? new CoverageReport();
            var result = new TargetResult(target.Id, target.Module, generation, explored.Tests, explored.Verified,
                explored.BudgetExhausted, explored.ImportError, executed.Status, shuffledPasses,
                Percent(coverage.CoveredStatements, coverage.Statements), Percent(coverage.CoveredBranches, coverage.Branches),
                coverage.Percent, coverage.Statements, coverage.Branches, mutation.Score, mutation.Killed + mutation.Timeout,
                mutation.Total, peer)
            {
                Skipped = explored.Skipped, DroppedTests = explored.DroppedTests.Count, PassesByHand = passesByHand,
                MutationError = mutationError,
            };
            return result with { LowCoverageReason = result.Coverage < 50 ? LowCoverageReason(explored, result, coverage) : null };
        }
        finally
        {
            Directory.Delete(project, recursive: true);
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
        return string.Join("; ", reasons);
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
        foreach (var r in results.Where(r => r.Skipped.Count > 0))
            Console.WriteLine($"skipped in {r.Id}: " + string.Join("; ", r.Skipped.Select(s => $"{s.Target} at {s.Stage}: {s.ErrorType} ({s.Location})")));
    }

    private sealed record GenerationReply
    {
        public string TestSource { get; init; } = "";
        public int Tests { get; init; }
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

        public static TargetResult Crashed(GenerationTarget target, double seconds, string why, PynguinFigures? peer) =>
            new(target.Id, target.Module, seconds, 0, false, false, null, "none", 0, 0, 0, 0, target.Statements,
                target.Branches, 0, 0, 0, peer) { Crash = why };
    }
}
