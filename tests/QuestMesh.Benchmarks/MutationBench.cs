using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QuestMesh.Contracts;
using QuestMesh.Python;

namespace QuestMesh.Benchmarks;

/// <summary>
/// The mutation engine on real modules with their real tests, fast mode against the same engine's
/// naive mode (fresh interpreter, whole suite, per mutant), both measured in the same run.
/// </summary>
public sealed class MutationBench(HarnessClient harness, BenchOptions options)
{
    public async Task<int> RunAsync()
    {
        var root = Path.Combine(options.SharedDirectory, "bench", "mutation");
        if (!Directory.Exists(root))
        {
            Console.Error.WriteLine($"quest bench: no benchmark folder at {root} (use --shared DIR)");
            return 2;
        }
        var peers = MutmutFigures.Read(Path.Combine(options.SharedDirectory, "bench", "README.md"));
        var results = new List<ModuleResult>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var config = BenchConf.Read(Path.Combine(folder, "bench.conf"));
            Console.Error.WriteLine($"bench: {Path.GetFileName(folder)} ({options.Repeat} fast runs, naive sample {options.NaiveSample})");
            results.Add(await MeasureAsync(folder, config, peers.GetValueOrDefault(Path.GetFileName(folder))));
        }
        Print(results);
        Directory.CreateDirectory(options.OutputDirectory);
        var file = Path.Combine(options.OutputDirectory, $"mutation-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
            repeat = options.Repeat,
            naive_sample = options.NaiveSample,
            modules = results,
        }, new JsonSerializerOptions(HarnessJson.Options) { WriteIndented = true }));
        Console.WriteLine($"written {file}");
        return 0;
    }

    private async Task<ModuleResult> MeasureAsync(string folder, BenchConf config, MutmutFigures? peer)
    {
        var walls = new List<double>();
        MutationReport? report = null;
        for (var run = 0; run < options.Repeat; run++)
        {
            var (wall, current) = await TimedAsync(folder, config, "fast", null);
            walls.Add(wall);
            report = current;
        }
        var median = Median(walls);
        double? naiveRate = null;
        if (options.NaiveSample > 0)
        {
            var (naiveWall, naive) = await TimedAsync(folder, config, "naive", options.NaiveSample);
            naiveRate = Scored(naive) / naiveWall;
        }
        var rate = Scored(report!) / median;
        return new ModuleResult(Path.GetFileName(folder), report!.Total, report.Killed, report.Survived, report.Timeout,
            report.NoCoverage, report.Errors, report.Score, median, walls, rate, naiveRate,
            naiveRate is { } n && n > 0 ? rate / n : null,
            peer?.MutantsPerSecond, peer is { } p ? rate / p.MutantsPerSecond : null, peer?.Score,
            report.Mutants.Where(m => m.Status == "survived").Select(m => $"{m.Line}: {m.Original} -> {m.Mutated} ({m.Operator})").ToList());
    }

    private async Task<(double Wall, MutationReport Report)> TimedAsync(string folder, BenchConf config, string mode, int? maxMutants)
    {
        var workspace = Directory.CreateTempSubdirectory("questmesh-bench-").FullName;
        try
        {
            CopyTree(folder, workspace);
            var stopwatch = Stopwatch.StartNew();
            var report = await harness.RunAsync<MutationReport>("mutate", new
            {
                ProjectDir = workspace,
                TargetFile = config.Module,
                Tests = config.Tests,
                MaxMutants = maxMutants,
                Seed = 42,
                Workers = Environment.ProcessorCount,
                Mode = mode,
            }, workspace, TimeSpan.FromMinutes(30));
            return (stopwatch.Elapsed.TotalSeconds, report);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static int Scored(MutationReport report) => report.Total - report.Errors;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__")))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
    }

    private static void Print(List<ModuleResult> results)
    {
        static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
        Console.WriteLine();
        Console.WriteLine("| module | mutants | killed | survived | timeout | no-cov | score | wall (median) | mutants/s | naive mutants/s | × naive | mutmut mutants/s | × mutmut | mutmut score |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Module} | {r.Mutants} | {r.Killed} | {r.Survived} | {r.Timeout} | {r.NoCoverage} | {F(r.Score, "0.0")} % | " +
                $"{F(r.MedianWallSeconds, "0.00")} s | {F(r.MutantsPerSecond, "0.0")} | {F(r.NaiveMutantsPerSecond, "0.00")} | {F(r.SpeedupOverNaive, "0.0")}× | " +
                $"{F(r.MutmutMutantsPerSecond, "0.0")} | {F(r.SpeedupOverMutmut, "0.0")}× | {F(r.MutmutScore, "0.0")} % |");
        }
    }

    private sealed record ModuleResult(
        string Module, int Mutants, int Killed, int Survived, int Timeout, int NoCoverage, int Errors, double Score,
        double MedianWallSeconds, List<double> WallSeconds, double MutantsPerSecond, double? NaiveMutantsPerSecond,
        double? SpeedupOverNaive, double? MutmutMutantsPerSecond, double? SpeedupOverMutmut, double? MutmutScore,
        List<string> Survivors);
}
