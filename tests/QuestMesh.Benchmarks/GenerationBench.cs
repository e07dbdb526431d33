using System.Diagnostics;
using System.Text.Json;
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
    internal const int Seed = 42;
    internal const int ShuffledRuns = 3;

    public async Task<int> RunAsync()
    {
        if (options.CorpusDirectory is { } given && !Directory.Exists(given))
        {
            Console.Error.WriteLine($"quest bench: --corpus {given} is not a folder; materialise one with " +
                                    "../shared/bench/materialize-generation-corpus.sh DIR, or leave --corpus out to have the bench do it");
            return 2;
        }
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
            var medians = new Medians(GenerationReport.Median(results.Select(r => r.Coverage)), GenerationReport.Median(results.Select(r => r.MutationScore)),
                GenerationReport.Median(results.Select(r => r.GenerationSeconds)),
                GenerationReport.Median(results.Select(r => (double)r.Tests)),
                GenerationReport.Median(results.Select(r => (double)r.Skipped.Count)), results.Count(r => r.Crash is not null),
                results.Count(r => r.PassesByHand), results.Count(r => r.ShuffledPasses == ShuffledRuns));
            GenerationReport.Print(results, medians, options);
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
            return result with { LowCoverageReason = result.Coverage < 50 ? GenerationReport.LowCoverageReason(explored0, result, coverage) : null };
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

    private static string OneLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? text;

    /// <summary>The suite's run; a run the harness could not report on (killed at the time limit) is a failed one,
    /// with the reason as its error, so one module's suite never ends the bench.</summary>
    private async Task<ExecutionReport> ExecuteAsync(string project, GenerationTarget target, string testFile, int? shuffle)
    {
        try
        {
            return await harness.RunAsync<ExecutionReport>("execute", new
            {
                ProjectDir = project, TargetFile = target.File, TestFile = testFile, Framework = "auto",
                TimeoutSeconds = 300, ShuffleSeed = shuffle,
            }, project, TimeSpan.FromMinutes(6));
        }
        catch (HarnessException error)
        {
            return new ExecutionReport { Status = "error", TestError = "the run did not report: " + OneLine(error.Message) };
        }
    }

    private static double Percent(int part, int whole) => whole == 0 ? 100 : 100.0 * part / whole;
}
