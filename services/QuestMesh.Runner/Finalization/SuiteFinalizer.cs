using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Runner.Execution;

namespace QuestMesh.Runner.Finalization;

/// <summary>
/// A run's final suite from all its attempts: the union of their passing suites, run once with each test's arcs,
/// then minimised (the tests that reach no arc and kill no mutant the kept ones do not are left out) and run
/// again to show the figures held. Whatever goes wrong becomes an <see cref="SuiteFinalized.Error"/>: the
/// orchestrator then hands over the best attempt's suite, so the run never ends worse.
/// </summary>
public sealed class SuiteFinalizer(HarnessClient harness, SuiteExecutor executor, ILogger<SuiteFinalizer> logger)
{
    private const double Tolerance = 1e-9;

    public async Task<SuiteFinalized> FinalizeAsync(FinalizeSuite command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var reply = new SuiteFinalized { RunId = command.RunId, StepId = command.StepId };
        if (command.Suites.Count == 0)
            return reply with { Error = "no attempt left a passing suite" };
        var fileName = command.Suites[0].Suite.FileName;
        try
        {
            var union = await harness.UnionAsync(command.Suites, cancellationToken);
            var whole = await RunAsync(command, new TestSuite(fileName, union.Source), testArcs: true, cancellationToken);
            if (Problem(whole) is { } problem)
                return reply with { Error = $"the union of the attempts' suites does not pass together: {problem}", DurationSeconds = stopwatch.Elapsed.TotalSeconds };

            var (suite, report, dropped) = (new TestSuite(fileName, union.Source), whole, (IReadOnlyList<string>)[]);
            // By arcs alone first; when that loses a kill, again keeping every test the mutation run credited with one.
            foreach (var keepKillers in new[] { false, true })
            {
                var minimised = await harness.MinimiseAsync(union.Source, whole, keepKillers, cancellationToken);
                if (minimised.Dropped.Count == 0)
                    break;
                var smaller = await RunAsync(command, new TestSuite(fileName, minimised.Source), testArcs: false, cancellationToken);
                if (Problem(smaller) is null && Holds(smaller, whole))
                {
                    (suite, report, dropped) = (new TestSuite(fileName, minimised.Source), smaller, minimised.Dropped);
                    break;
                }
                logger.LogInformation("Run {RunId}: the suite minimised {How} lost coverage or kills ({Coverage:0.0} %, mutation {Mutation})",
                    command.RunId, keepKillers ? "keeping the killers" : "by arcs", smaller.Coverage?.Percent ?? 0, smaller.Mutation?.Score);
            }
            var kept = union.Origins.Where(o => !dropped.Contains(o.Key)).ToList();
            return reply with
            {
                Suite = suite,
                Execution = report with { Coverage = report.Coverage is { } coverage ? coverage with { TestArcs = null } : null },
                Dropped = dropped,
                Contributions = kept.GroupBy(o => o.Value).OrderBy(g => g.Key).Select(g => new SuiteContribution(g.Key, g.Count())).ToList(),
                DurationSeconds = stopwatch.Elapsed.TotalSeconds,
            };
        }
        catch (HarnessException error)
        {
            logger.LogWarning("Run {RunId}: no final suite from the attempts' union: {Reason}", command.RunId, error.Message);
            return reply with { Error = $"the attempts' suites could not be merged: {error.Message}", DurationSeconds = stopwatch.Elapsed.TotalSeconds };
        }
    }

    private Task<ExecutionReport> RunAsync(FinalizeSuite command, TestSuite suite, bool testArcs, CancellationToken cancellationToken) =>
        executor.RunAsync(new ExecuteTests
        {
            RunId = command.RunId, StepId = command.StepId, Attempt = -1,
            Source = command.Source, TargetFile = command.TargetFile, Suite = suite,
            MaxMutants = command.Settings.MaxMutants, Seed = command.Settings.Seed, TestArcs = testArcs,
        }, cancellationToken);

    /// <summary>Why a run of the union is no final suite: a failing or flaky test, or a run that did not finish.</summary>
    private static string? Problem(ExecutionReport report)
    {
        if (report.Status != "passed")
            return report.TestError ?? $"{report.Tests.Count(t => t.Outcome is "failed" or "error")} tests fail ({report.Status})";
        var flaky = report.Tests.Where(t => t.Flaky).Select(t => t.Id).Concat(report.FlakyTests).Distinct().ToList();
        return flaky.Count > 0 ? $"flaky: {string.Join(", ", flaky.Take(5))}" : null;
    }

    /// <summary>The smaller suite keeps the larger one's coverage and mutation score (and ran its mutants).</summary>
    private static bool Holds(ExecutionReport smaller, ExecutionReport larger) =>
        (smaller.Coverage?.Percent ?? 0) >= (larger.Coverage?.Percent ?? 0) - Tolerance
        && (larger.Mutation is null || (smaller.Mutation is { } mutation && mutation.Score >= larger.Mutation.Score - Tolerance));
}
