using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// The same run, N times on the embedded path and N times on the distributed path, interleaved
/// (E, D, E, D, …) so that the machine's noise falls on both alike. Each path runs one smaller warm-up
/// run first (not counted): a long-lived service has its code compiled and its connections open.
/// </summary>
public sealed class OverheadBench(BenchServers servers, BenchOptions options)
{
    public const string Project = "samples/shop";
    public const string TargetFile = "shop/pricing.py";

    /// <summary>
    /// Small enough that an attempt takes seconds; targets no suite reaches, so every run makes exactly
    /// <see cref="RunSettings.MaxAttempts"/> attempts.
    /// </summary>
    public static readonly RunSettings Settings = new()
    {
        MaxAttempts = 2, TargetCoverage = 100, TargetMutation = 100, Strategy = "search", Seed = 42,
        SearchBudgetSeconds = 3, MaxMutants = 20,
    };

    private static readonly RunSettings WarmUp = Settings with { MaxAttempts = 1, SearchBudgetSeconds = 1, MaxMutants = 5 };

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    public async Task<OverheadResult> RunAsync(CancellationToken cancellationToken)
    {
        var source = InlineSource();
        var scratch = Directory.CreateTempSubdirectory("questmesh-bench-overhead-").FullName;
        try
        {
            Console.Error.WriteLine("bench: starting the embedded host and the distributed hosts");
            await using var embedded = await EmbeddedPath.StartAsync(Path.Combine(scratch, "embedded"), cancellationToken);
            await using var distributed = await DistributedPath.StartAsync(servers, Path.Combine(scratch, "distributed"), cancellationToken);
            IRunPath[] paths = [embedded, distributed];

            foreach (var path in paths)
            {
                var warm = await RunOnceAsync(path, source, WarmUp, cancellationToken);
                Console.Error.WriteLine($"bench: warm-up on the {path.Name} path: {warm.WallSeconds:0.0} s, {warm.Outcome}");
            }
            var samples = new List<RunSample>();
            for (var round = 1; round <= options.Repeat; round++)
            {
                foreach (var path in paths)
                {
                    var sample = await RunOnceAsync(path, source, Settings, cancellationToken);
                    samples.Add(sample);
                    Console.Error.WriteLine($"bench: run {round}/{options.Repeat} {path.Name}: {sample.Attempts} attempts, " +
                        $"{sample.WallPerAttempt:0.00} s per attempt ({sample.StepsPerAttempt:0.00} s in steps), {sample.Outcome}");
                }
            }
            return OverheadResult.From(samples);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<RunSample> RunOnceAsync(IRunPath path, SourceSpec source, RunSettings settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        var submit = new SubmitRun { RunId = NewId.NextGuid(), Source = source, TargetFile = TargetFile, Settings = settings };
        try
        {
            return await path.RunAsync(submit, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"run {submit.RunId} on the {path.Name} path did not end within {RunTimeout.TotalMinutes:0} minutes");
        }
    }

    /// <summary>The sample project as an inline source: what a service elsewhere would send, and the same request on both paths.</summary>
    private static SourceSpec InlineSource()
    {
        var root = Path.GetFullPath(Project);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"no {Project} under {Environment.CurrentDirectory} (run the bench from the repository root)");
        var files = Directory.GetFiles(root, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__"))
            .Order(StringComparer.Ordinal)
            .Select(f => new InlineFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        return new SourceSpec { Kind = SourceKinds.Inline, Files = files };
    }
}

/// <summary>Per path the medians; the distributed path against the embedded one.</summary>
public sealed record OverheadResult(PathFigures Embedded, PathFigures Distributed, double Ratio, double OverheadPercent,
    double OutsideStepsDifferenceSeconds, List<RunSample> Runs)
{
    public const double GoalPercent = 10;

    public bool GoalMet => OverheadPercent <= GoalPercent;

    /// <summary>
    /// The difference of the time outside the steps, in % of the embedded attempt: the steps' own noise
    /// (seconds on a shared machine) taken out of the comparison.
    /// </summary>
    public double OutsideStepsPercent => OutsideStepsDifferenceSeconds / Embedded.WallPerAttempt * 100;

    public static OverheadResult From(List<RunSample> samples)
    {
        var embedded = PathFigures.From(samples.Where(s => s.Path == "embedded").ToList());
        var distributed = PathFigures.From(samples.Where(s => s.Path == "distributed").ToList());
        var ratio = distributed.WallPerAttempt / embedded.WallPerAttempt;
        return new OverheadResult(embedded, distributed, ratio, (ratio - 1) * 100,
            distributed.OutsideStepsPerAttempt - embedded.OutsideStepsPerAttempt, samples);
    }
}

/// <summary>Medians over one path's runs (seconds per attempt).</summary>
public sealed record PathFigures(int Runs, int Attempts, double WallPerAttempt, double StepsPerAttempt, double OutsideStepsPerAttempt,
    double? Coverage, double? MutationScore, List<string> Outcomes)
{
    public static PathFigures From(List<RunSample> runs) => new(
        runs.Count,
        runs.Sum(r => r.Attempts),
        Stats.Median(runs.Select(r => r.WallPerAttempt)),
        Stats.Median(runs.Select(r => r.StepsPerAttempt)),
        Stats.Median(runs.Select(r => r.OutsideStepsPerAttempt)),
        runs.Any(r => r.Coverage is not null) ? Stats.Median(runs.Where(r => r.Coverage is not null).Select(r => r.Coverage!.Value)) : null,
        runs.Any(r => r.MutationScore is not null) ? Stats.Median(runs.Where(r => r.MutationScore is not null).Select(r => r.MutationScore!.Value)) : null,
        runs.Select(r => r.Outcome).Distinct().ToList());
}
