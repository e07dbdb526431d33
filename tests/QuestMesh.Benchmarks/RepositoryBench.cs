using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Python;

namespace QuestMesh.Benchmarks;

/// <summary>A repository the bench runs: a folder copied afresh for every run.</summary>
internal sealed record RepositoryTarget(string Id, string Description, Func<string, string> Materialise);

/// <summary>One whole-repository run as <c>questmesh run &lt;repo&gt;</c> made it, read back from its iteration_report.json.</summary>
internal sealed record RepositorySample(string Target, int Runners, int Repeat, int ExitCode, double WallSeconds, double GenerationSeconds,
    double Before, double After, int GeneratedTests, int GeneratedPassing, int Modules, int ModulesCut, string? Error);

/// <summary>
/// Whole-repository runs with one and with two runners, in one bench run: the bundled samples/storefront and one real
/// multi-module package from the machine's Debian packages (default jmespath, copied alone into a folder, no tests of
/// its own). Each run is <c>questmesh run &lt;repo&gt;</c> as a user starts it, a process of its own; "N runners" is N
/// module runs at once (<c>--parallel N</c>) with every worker service taking N steps at once
/// (<c>ConcurrentSteps</c>), which is what N replicas of each worker with one step each give a distributed deployment.
/// The configurations alternate (1, 2, 1, 2, …) so the machine's noise falls on both; medians of the repeats and the
/// ratio of wall times are printed and written as JSON.
/// </summary>
public sealed class RepositoryBench(BenchOptions options)
{
    private static readonly string[] Workers = ["Generator", "Runner", "StaticAnalysis", "Supervisor", "Fixer"];
    private static readonly int[] RunnerCounts = [1, 2];

    public async Task<int> RunAsync()
    {
        var questmesh = Path.Combine(AppContext.BaseDirectory, "questmesh.dll");
        if (!File.Exists(questmesh))
        {
            Console.Error.WriteLine($"quest bench: {questmesh} is missing; build the solution first (./quest build)");
            return 2;
        }
        var targets = Targets(options);
        if (targets is null)
            return 2;
        var scratch = Directory.CreateTempSubdirectory("questmesh-repobench-").FullName;
        try
        {
            var samples = new List<RepositorySample>();
            foreach (var target in targets)
            {
                for (var repeat = 1; repeat <= options.Repeat; repeat++)
                {
                    foreach (var runners in RunnerCounts)
                    {
                        Console.Error.WriteLine($"bench: {target.Id}, {runners} runner{(runners == 1 ? "" : "s")}, run {repeat}/{options.Repeat}");
                        var sample = await RunOnceAsync(questmesh, target, runners, repeat, Path.Combine(scratch, $"{target.Id}-{runners}-{repeat}"));
                        samples.Add(sample);
                        Console.Error.WriteLine(sample.Error is { } error
                            ? $"bench: {target.Id}: exit {sample.ExitCode}: {error}"
                            : $"bench: {target.Id}: {sample.WallSeconds:0.0} s, coverage {sample.Before:0.0} → {sample.After:0.0} %, {sample.GeneratedTests} generated tests"
                              + (sample.ModulesCut > 0 ? $", {sample.ModulesCut} of {sample.Modules} module runs did not complete" : ""));
                    }
                }
            }
            var summaries = targets.Select(t => Summarise(t, samples.Where(s => s.Target == t.Id).ToList())).ToList();
            Print(summaries);
            Directory.CreateDirectory(options.OutputDirectory);
            var file = Path.Combine(options.OutputDirectory, $"repository-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
            {
                machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
                settings = new { options.BudgetSeconds, options.Repeat, module_budget_seconds = ModuleBudget, max_modules = options.MaxModules },
                targets = summaries,
                samples,
            }, new JsonSerializerOptions(HarnessJson.Options) { WriteIndented = true }));
            Console.WriteLine($"written {file}");
            return summaries.All(s => s.Failures == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Enough that no module run is cut on a loaded machine, so both configurations do the same work.</summary>
    private const int ModuleBudget = 600;

    private static List<RepositoryTarget>? Targets(BenchOptions options)
    {
        var storefront = Path.Combine(FindRepositoryRoot() ?? Environment.CurrentDirectory, "samples", "storefront");
        if (!Directory.Exists(storefront))
        {
            Console.Error.WriteLine($"quest bench: the sample repository {storefront} is missing");
            return null;
        }
        var package = options.Package ?? "/usr/lib/python3/dist-packages/jmespath";
        if (!File.Exists(Path.Combine(package, "__init__.py")))
        {
            Console.Error.WriteLine($"quest bench: --package {package} is not a Python package folder (no __init__.py); "
                + "the default is Debian's jmespath: apt-get install python3-jmespath");
            return null;
        }
        var name = Path.GetFileName(package.TrimEnd('/'));
        return
        [
            new RepositoryTarget("storefront", "samples/storefront: backend/ with two packages and a Flask app, existing tests (one fails), a frontend/ to skip",
                folder => Copy(storefront, folder)),
            new RepositoryTarget(name, $"{package} copied alone into a repository folder (no tests of its own)",
                folder =>
                {
                    Copy(package, Path.Combine(folder, name));
                    return folder;
                }),
        ];
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QuestMesh.sln")))
                return dir.FullName;
        return null;
    }

    private static string Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            if (!directory.Contains("__pycache__", StringComparison.Ordinal))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            if (!file.Contains("__pycache__", StringComparison.Ordinal))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        return to;
    }

    private async Task<RepositorySample> RunOnceAsync(string questmesh, RepositoryTarget target, int runners, int repeat, string folder)
    {
        var repository = target.Materialise(Path.Combine(folder, "repo"));
        var output = Path.Combine(folder, "out");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
                 {
                     questmesh, "run", repository, "--out", output, "--strategy", "search", "--seed", "42",
                     "--budget", ((int)options.BudgetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--max-attempts", "2", "--max-mutants", "30",
                     "--module-budget", ModuleBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--max-modules", options.MaxModules.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--parallel", runners.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(argument);
        foreach (var worker in Workers)
            start.Environment[$"QUESTMESH_{worker}__ConcurrentSteps"] = runners.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var report = Path.Combine(output, "iteration_report.json");
        if (!File.Exists(report))
        {
            var text = (await stderr).Trim();
            var last = text.Length > 0 ? text.Split('\n')[^1] : (await stdout).Trim().Split('\n')[^1];
            return new RepositorySample(target.Id, runners, repeat, process.ExitCode, clock.Elapsed.TotalSeconds, 0, 0, 0, 0, 0, 0, 0,
                $"no iteration_report.json: {last}");
        }
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
        var generation = json["iterations"]!.AsArray().FirstOrDefault(i => (string?)i!["phase"] == "generation");
        return new RepositorySample(target.Id, runners, repeat, process.ExitCode, clock.Elapsed.TotalSeconds,
            (double?)generation?["duration_seconds"] ?? 0,
            (double)json["before"]!["coverage"]!, (double)json["after"]!["coverage"]!,
            (int)json["generated"]!["tests"]!, (int)json["generated"]!["passed"]!,
            generation?["modules"]?.AsArray().Count ?? 0,
            generation?["modules"]?.AsArray().Count(m => (string?)m!["status"] != "completed") ?? 0,
            process.ExitCode is 0 or 3 or 5 ? null : $"exit code {process.ExitCode}");
    }

    internal sealed record RunnersFigures(int Runners, int Runs, double MedianWallSeconds, double MedianGenerationSeconds, double MedianBefore,
        double MedianAfter, double MedianGeneratedTests);

    internal sealed record TargetSummary(string Target, string Description, IReadOnlyList<RunnersFigures> ByRunners, double? WallRatio,
        double? GenerationRatio, int Failures);

    private static TargetSummary Summarise(RepositoryTarget target, List<RepositorySample> samples)
    {
        var good = samples.Where(s => s.Error is null).ToList();
        var figures = RunnerCounts.Select(n =>
        {
            var runs = good.Where(s => s.Runners == n).ToList();
            return new RunnersFigures(n, runs.Count, GenerationReport.Median(runs.Select(r => r.WallSeconds)),
                GenerationReport.Median(runs.Select(r => r.GenerationSeconds)), GenerationReport.Median(runs.Select(r => r.Before)),
                GenerationReport.Median(runs.Select(r => r.After)), GenerationReport.Median(runs.Select(r => (double)r.GeneratedTests)));
        }).ToList();
        double? Ratio(Func<RunnersFigures, double> of) =>
            figures.All(f => f.Runs > 0 && of(f) > 0) ? Math.Round(of(figures[1]) / of(figures[0]), 3) : null;
        return new TargetSummary(target.Id, target.Description, figures, Ratio(f => f.MedianWallSeconds), Ratio(f => f.MedianGenerationSeconds),
            samples.Count - good.Count);
    }

    private static void Print(IReadOnlyList<TargetSummary> summaries)
    {
        Console.WriteLine();
        Console.WriteLine($"{"repository",-14} {"runners",7} {"runs",4} {"wall s",8} {"gen s",7} {"before %",8} {"after %",8} {"tests",6}");
        foreach (var summary in summaries)
        {
            foreach (var f in summary.ByRunners)
                Console.WriteLine($"{summary.Target,-14} {f.Runners,7} {f.Runs,4} {f.MedianWallSeconds,8:0.0} {f.MedianGenerationSeconds,7:0.0} {f.MedianBefore,8:0.0} {f.MedianAfter,8:0.0} {f.MedianGeneratedTests,6:0}");
            Console.WriteLine($"{summary.Target,-14} wall time 2 runners ÷ 1 runner: {Show(summary.WallRatio)}; module runs alone: {Show(summary.GenerationRatio)}"
                + (summary.Failures > 0 ? $"; {summary.Failures} runs failed (see above)" : ""));
        }
        Console.WriteLine("(medians; N runners = N module runs at once and N steps at once in every worker service)");
    }

    private static string Show(double? ratio) => ratio is { } r ? r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
