using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// <c>iteration_report.json</c>: the run step by step for machines. Iteration 0 is the baseline (existing tests),
/// iteration 1 the module runs (each with its attempts), then one iteration per run of the combined suite.
/// </summary>
public static class IterationReport
{
    public const int FormatVersion = 1;

    public static object Build(RepositoryReport report)
    {
        var iterations = new List<object>
        {
            new { Iteration = 0, Phase = "baseline", Figures = Figures(report.Baseline.Coverage, report.Baseline.Totals), report.Baseline.Status },
            new { Iteration = 1, Phase = "generation", DurationSeconds = Seconds(report.GenerationTime), Modules = report.Modules.Select(Module).ToList() },
        };
        iterations.AddRange(report.Combined.Rounds.Select(r => (object)new
        {
            Iteration = 1 + r.Round, Phase = "combined", r.Round, Figures = Figures(r.Coverage, r.Totals), r.Dropped,
        }));
        var generated = report.GeneratedTests;
        return new
        {
            FormatVersion,
            report.RunId,
            Repository = report.Context.RepositoryDirectory,
            PythonRoot = report.Context.Prefix.Length == 0 ? "." : report.Context.Prefix,
            Framework = report.Context.Survey.Framework,
            report.StartedAt,
            DurationSeconds = Seconds(report.Duration),
            Before = Figures(report.Baseline.Coverage, report.Baseline.Totals),
            After = Figures(report.Final.Coverage, report.Final.Totals),
            Delta = Math.Round(report.Delta, 4),
            Generated = new
            {
                Files = report.Combined.Kept.Count,
                Tests = generated.Count,
                Passed = generated.Count(t => t.Outcome == "passed"),
                Failed = generated.Count(t => t.Outcome is "failed" or "error"),
            },
            Iterations = iterations,
            NotRun = report.NotRun,
            report.Combined.Dropped,
            PossibleBugs = report.Modules.SelectMany(m => m.PossibleBugs.Select(b => new { m.Module.Path, Bug = b })).ToList(),
            Gate = new { report.Gate.Passed, report.Gate.Checks, report.Gate.Failures },
            report.Limits,
            Dependencies = Dependencies(report.Dependencies),
            Conftest = new { File = report.Combined.Conftest?.Path, report.Conftest.Reason },
        };
    }

    private static object Dependencies(DependencyReport dependencies) => new
    {
        Files = dependencies.Declared?.Files ?? [],
        Environment = dependencies.Environment?.Folder,
        dependencies.Environment?.Source,
        dependencies.Environment?.Problem,
        Installed = dependencies.Environment?.Installed ?? [],
        Requirements = dependencies.Environment?.Requirements ?? [],
        Ignored = dependencies.Declared?.Ignored ?? [],
        dependencies.NotImportable,
    };

    private static object Figures(SuiteCoverage coverage, SuiteTotals totals) => new
    {
        Coverage = coverage.Percent, coverage.Statements, coverage.CoveredStatements, coverage.Branches, coverage.CoveredBranches,
        totals.Tests, totals.Passed, totals.Failed, totals.Errors, totals.Skipped, totals.CollectionErrors,
    };

    private static object Module(ModuleOutcome outcome) => new
    {
        outcome.Module.Path, outcome.Module.Module, Before = outcome.Module.Percent, outcome.Module.MissingLines, outcome.Module.MissingBranches,
        outcome.Status, outcome.Reason, outcome.Detail, outcome.RunId, outcome.Artifacts, DurationSeconds = Seconds(outcome.Duration),
        outcome.Best, outcome.Attempts,
    };

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 2);
}
