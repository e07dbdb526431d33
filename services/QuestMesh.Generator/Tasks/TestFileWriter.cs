using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// <c>POST /generation</c>'s work: one test module for the source, from the model guided by the
/// description (when one is configured) or from the offline search; it is run against the source in the
/// sandbox, a model's failing module is repaired once, and the tests that still fail are removed.
/// </summary>
public sealed class TestFileWriter(
    TaskBriefing briefing,
    TaskModel model,
    TaskSearch search,
    CandidateJudge judge,
    HarnessClient harness,
    ILogger<TestFileWriter> logger)
{
    private sealed record Draft(string Module, string? Explanation, string Strategy);

    public async Task<TestFileGenerated> GenerateAsync(GenerateTestFile command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var ledger = new TaskLedger();
        var reply = new TestFileGenerated { TaskId = command.TaskId };
        var (brief, problem) = await briefing.PrepareAsync(command.Source, [], cancellationToken);
        if (brief is null)
            return reply with { Error = problem, DurationSeconds = stopwatch.Elapsed.TotalSeconds };

        var (draft, run, llmFailure) = await FromModelAsync(brief, command.Description, ledger, cancellationToken);
        if (draft is null || run is null)
        {
            var (module, searchProblem) = await search.ExploreAsync(brief, [], cancellationToken);
            if (module is null)
                return reply with
                {
                    Error = llmFailure is null ? $"No test file: {searchProblem}" : $"No test file: {llmFailure}; then {searchProblem}",
                    LlmCalls = ledger.Calls, EstimatedCost = ledger.Cost, DurationSeconds = stopwatch.Elapsed.TotalSeconds,
                };
            draft = new Draft(module, null, TaskSearch.Origin);
            run = await judge.RunAsync(brief, module, cancellationToken);
        }

        var (final, finalRun, dropped, error) = await KeepPassingAsync(brief, draft.Module, run, cancellationToken);
        if (error is not null)
            return reply with { Error = error, Strategy = draft.Strategy, LlmCalls = ledger.Calls, EstimatedCost = ledger.Cost, DurationSeconds = stopwatch.Elapsed.TotalSeconds };
        var tests = finalRun.Tests.Select(t => t.Id.Split("::")[^1]).ToList();
        var lines = finalRun.Tests.SelectMany(t => t.Lines).Distinct().Order().ToList();
        logger.LogInformation("Task {TaskId}: {Strategy} wrote {Tests} tests ({Dropped} removed), {Coverage:0.#} % coverage",
            command.TaskId, draft.Strategy, tests.Count, dropped.Count, finalRun.CoveragePercent);
        return reply with
        {
            GeneratedCode = final,
            Explanation = Explain(draft, llmFailure, tests.Count, finalRun.CoveragePercent, lines, dropped),
            Tests = tests,
            CoveredLines = lines,
            CoveragePercent = Math.Round(finalRun.CoveragePercent, 2),
            Dropped = dropped,
            Strategy = draft.Strategy,
            LlmFailure = llmFailure,
            LlmCalls = ledger.Calls,
            EstimatedCost = ledger.Cost,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }

    /// <summary>The model's module and its run (repaired once when a test failed or it did not load), or why the model could not write one.</summary>
    private async Task<(Draft? Draft, ModuleRun? Run, string? Failure)> FromModelAsync(TaskBrief brief, string description, TaskLedger ledger,
        CancellationToken cancellationToken)
    {
        if (!model.IsConfigured)
            return (null, null, null);
        string? module, explanation, problem;
        try
        {
            (module, explanation, problem) = await model.GenerateAsync(brief, description, ledger, cancellationToken);
        }
        catch (LlmException error)
        {
            problem = error.Message;
            module = explanation = null;
        }
        if (module is null)
            return (null, null, $"the model could not be used: {problem}");

        var run = await judge.RunAsync(brief, module, cancellationToken);
        List<string> failures = run.LoadError is { } loadError ? [loadError] : run.Tests.Where(t => !t.Passed).Select(t => t.Failure ?? t.Id).ToList();
        if (failures.Count > 0)
        {
            var (repaired, _, _, repairProblem) = await model.RepairModuleAsync(brief, module, failures, ledger, cancellationToken);
            if (repaired is not null)
            {
                var again = await judge.RunAsync(brief, repaired, cancellationToken);
                if (again.LoadError is null)
                    (module, run) = (repaired, again);
            }
            else
                logger.LogInformation("No repair of the model's test file: {Problem}", repairProblem);
        }
        return run.LoadError is { } stillBroken
            ? (null, null, $"the model's test file did not run: {stillBroken}")
            : (new Draft(module, explanation, TaskModel.Origin), run, null);
    }

    /// <summary>The module with only its passing tests (run again when any were removed), and the removed ones with the reason.</summary>
    private async Task<(string Module, ModuleRun Run, List<RejectedTest> Dropped, string? Error)> KeepPassingAsync(TaskBrief brief, string module,
        ModuleRun run, CancellationToken cancellationToken)
    {
        if (run.LoadError is { } loadError)
            return (module, run, [], $"The test file does not run: {loadError}");
        var listing = await harness.MergeAsync("", module, names: null, cancellationToken);
        var dropped = new List<RejectedTest>();
        var passing = new List<string>();
        foreach (var name in listing.Tests)
        {
            var results = run.Of([name]);
            var failed = results.FirstOrDefault(r => !r.Passed);
            if (results.Count > 0 && failed is null)
                passing.Add(name);
            else
                dropped.Add(new RejectedTest(name, failed?.Failure is { } why ? $"failed: {why}" : "did not run"));
        }
        if (passing.Count == 0)
            return (module, run, dropped, "No test of the file passed against the source: " + string.Join("; ", dropped.Select(d => $"{d.Name} {d.Reason}")));
        if (dropped.Count == 0)
            return (module, run, dropped, null);
        var kept = (await harness.MergeAsync("", module, passing, cancellationToken)).Source;
        var keptRun = await judge.RunAsync(brief, kept, cancellationToken);
        return keptRun.LoadError is null && keptRun.Tests.All(t => t.Passed)
            ? (kept, keptRun, dropped, null)
            : (module, run, dropped, $"The tests that passed did not pass again on their own: {keptRun.LoadError ?? string.Join("; ", keptRun.Tests.Where(t => !t.Passed).Select(t => t.Failure))}");
    }

    private static string Explain(Draft draft, string? llmFailure, int tests, double percent, IReadOnlyList<int> lines, IReadOnlyList<RejectedTest> dropped)
    {
        var written = draft.Strategy == TaskModel.Origin && draft.Explanation is { Length: > 0 } own
            ? own.Trim()
            : llmFailure is not null
                ? $"Written by QuestMesh's offline search, because {llmFailure}. It calls the module's functions and asserts what they return or raise."
                : "Written by QuestMesh's offline search (no model is configured, so the description was not used): it calls the module's functions and asserts what they return or raise.";
        var measured = string.Create(CultureInfo.InvariantCulture,
            $"QuestMesh ran the {tests} test{(tests == 1 ? "" : "s")} against the module in a sandbox: all passed, covering {percent:0.#} % of it (lines {LineSpans.Format(lines)}).");
        var removed = dropped.Count == 0 ? "" : $" {dropped.Count} failing test{(dropped.Count == 1 ? " was" : "s were")} removed: {string.Join(", ", dropped.Select(d => d.Name))}.";
        return $"{written}\n\n{measured}{removed}";
    }
}
