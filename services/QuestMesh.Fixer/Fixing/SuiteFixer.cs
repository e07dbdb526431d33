using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Fixer.Fixing;

/// <summary>
/// One fix round: classify the failures, apply the rule repairs, re-run the suite in a workspace, remove
/// every test that still fails (confirming by another run), and report each test's fate.
/// </summary>
public sealed class SuiteFixer(
    HarnessClient harness,
    WorkspaceProvider workspaces,
    FailureClassifier classifier,
    RepairPlanner planner,
    IOptions<FixerOptions> options,
    ILogger<SuiteFixer> logger)
{
    public async Task<TestsFixed> FixAsync(FixTests command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var suiteFile = ProjectPaths.Normalize(command.Suite.FileName);
        var failures = classifier.ClassifyAll(command.Execution, suiteFile);
        var ledger = new FixLedger(failures);
        var round = new Round(command, suiteFile, ledger);
        try
        {
            // A copy of the project the import repairs read (module names, the target's definitions); nothing runs in it.
            using var reference = await workspaces.CreateAsync(command.Source, cancellationToken);
            round.Scope = new RepairScope(reference.Directory, ProjectPaths.Normalize(command.TargetFile), suiteFile);
            await RepairAsync(round, failures, cancellationToken);
            await ValidateAsync(round, cancellationToken);
        }
        catch (Exception error) when (error is WorkspaceException or HarnessException or PythonEnvironmentException)
        {
            // Permanent for this command: say so in the reply rather than let the run wait for a deadline.
            logger.LogWarning("Fix of run {RunId} attempt {Attempt} stopped: {Error}", command.RunId, command.Attempt, error.Message);
            round.Error = $"the fixer could not finish: {error.Message}";
            // Half-done edits were never validated: hand back the suite as it came, and claim nothing.
            round.Source = command.Suite.Source;
            round.Final = null;
        }
        if (round.Final is not null && ExecutionFacts.NoTestsLeft(round.Final))
            round.Error = $"no test remains: all {ledger.RemovedCount} tests that failed were removed and no other test is left";
        var report = ledger.Report(command.FixRound, round.Final, round.Error);
        logger.LogInformation(
            "Fixed run {RunId} attempt {Attempt} round {Round}: {Before} failing before, {After} after, {Removed} removed",
            command.RunId, command.Attempt, command.FixRound, report.FailingBefore, report.FailingAfter, ledger.RemovedCount);
        return new TestsFixed
        {
            RunId = command.RunId,
            Attempt = command.Attempt,
            StepId = command.StepId,
            Suite = command.Suite with { Source = round.Source },
            Report = report,
            Error = round.Error,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }

    private async Task RepairAsync(Round round, IReadOnlyList<Failure> failures, CancellationToken ct)
    {
        var attempts = await ApplyAsync(planner.Plan(failures, round.Scope!), round, ct);
        round.Ledger.Planned(attempts);
    }

    /// <summary>
    /// Makes each planned edit through the harness, in order, on the suite as edited so far. An edit the harness
    /// refuses (it would not parse, or the statement is not what the rule needs) leaves the suite as it was and
    /// says why.
    /// </summary>
    private async Task<Dictionary<string, RepairAttempt>> ApplyAsync(RepairPlan plan, Round round, CancellationToken ct)
    {
        var attempts = new Dictionary<string, RepairAttempt>(plan.Refused);
        foreach (var planned in plan.Edits)
        {
            RepairAttempt attempt;
            try
            {
                var reply = await harness.PatchAsync(round.Source, planned.Edit, ct);
                round.Source = reply.Source;
                attempt = reply.Changed
                    ? new RepairAttempt(true, reply.Detail)
                    : RepairAttempt.Failed("the edit changed nothing");
            }
            catch (HarnessException error) when (error.BadRequest)
            {
                attempt = RepairAttempt.Failed(error.Message);
            }
            foreach (var test in planned.Tests)
                attempts[test] = attempt;
        }
        return attempts;
    }

    /// <summary>
    /// Runs the suite as repaired so far, each time in a fresh copy of the project: the run before may have
    /// changed the copy it ran in (planted a module, swapped a file for a link).
    /// </summary>
    private async Task<ExecutionReport> RunSuiteAsync(Round round, CancellationToken ct)
    {
        using var workspace = await workspaces.CreateAsync(round.Command.Source, ct);
        workspace.WriteFile(round.SuiteFile, round.Source);
        return await harness.ExecuteAsync(workspace.Directory, round.Command.TargetFile, round.SuiteFile,
            TimeSpan.FromSeconds(options.Value.ExecuteTimeoutSeconds), ct);
    }

    private async Task ValidateAsync(Round round, CancellationToken ct)
    {
        var settings = options.Value;
        var original = round.Command.Suite.Source;
        var inputLoaded = !ExecutionFacts.LoadFailed(round.Command.Execution);
        for (var run = 1; run <= settings.MaxValidationRuns; run++)
        {
            var report = await RunSuiteAsync(round, ct);
            round.Final = report;
            if (ExecutionFacts.LoadFailed(report))
            {
                var failure = classifier.ClassifyCollection(report, round.SuiteFile);
                if (inputLoaded && round.Source != original)
                {
                    round.Ledger.RolledBack(failure.Summary);
                    round.Source = original;
                    inputLoaded = false;
                    continue;
                }
                if (run < settings.MaxValidationRuns && await RepairLoadAsync(round, failure, ct))
                    continue;
                round.Error = $"the test module does not load: {failure.Summary}";
                return;
            }
            var failing = report.Tests.Where(ExecutionFacts.IsFailing).DistinctBy(t => t.Id).ToList();
            if (failing.Count == 0)
                return;
            if (run == settings.MaxValidationRuns)
            {
                round.Error = $"{failing.Count} tests still fail after {run} runs";
                return;
            }
            // Each failing test gets one repair attempt; a test that fails after its attempt (or has none) goes.
            var repairing = await RepairFreshAsync(round, failing, ct);
            round.Source = await RemoveAsync(round, report, failing.Where(t => !repairing.Contains(t.Id)).ToList(), ct);
        }
    }

    /// <summary>Tests seen failing for the first time (the module only loaded now, or a repair broke them) get their repair attempt.</summary>
    private async Task<HashSet<string>> RepairFreshAsync(Round round, IReadOnlyList<TestOutcome> failing, CancellationToken ct)
    {
        var fresh = failing.Where(t => !round.Ledger.Attempted(t.Id)).Select(t => classifier.Classify(t, round.SuiteFile)).ToList();
        if (fresh.Count == 0 || round.Scope is null)
            return [];
        var attempts = await ApplyAsync(planner.Plan(fresh, round.Scope), round, ct);
        foreach (var failure in fresh)
            round.Ledger.Found(failure, attempts[failure.TestId]);
        return fresh.Where(f => round.Ledger.IsRepaired(f.TestId)).Select(f => f.TestId).ToHashSet();
    }

    /// <summary>A module that still does not load may show a new import error once the first is fixed.</summary>
    private async Task<bool> RepairLoadAsync(Round round, Failure failure, CancellationToken ct)
    {
        if (failure.Category != FailureCategories.ImportError || round.Scope is null)
            return false;
        var before = round.Source;
        var attempt = (await ApplyAsync(planner.Plan([failure], round.Scope), round, ct))[failure.TestId];
        if (!attempt.Repaired || round.Source == before)
        {
            round.Source = before;
            return false;
        }
        round.Ledger.Found(failure, attempt);
        return true;
    }

    private async Task<string> RemoveAsync(Round round, ExecutionReport report, IReadOnlyList<TestOutcome> failing, CancellationToken ct)
    {
        var source = round.Source;
        foreach (var function in failing.GroupBy(TestNames.PatchName))
        {
            var reply = await harness.PatchAsync(source, "delete", function.Key, null, ct);
            if (!reply.Changed)
                continue; // Not a plain function or method: it stays failing and the report says so.
            source = reply.Source;
            var first = function.First();
            var category = classifier.Classify(first, round.SuiteFile).Category;
            foreach (var test in function)
                round.Ledger.Removed(test, classifier.Classify(test, round.SuiteFile));
            foreach (var sibling in report.Tests.Where(t => !ExecutionFacts.IsFailing(t) && TestNames.PatchName(t) == function.Key))
                round.Ledger.RemovedWith(sibling, first.Id, category);
        }
        return source;
    }

    /// <summary>The state of one fix round as it goes.</summary>
    private sealed class Round(FixTests command, string suiteFile, FixLedger ledger)
    {
        public FixTests Command { get; } = command;
        public string SuiteFile { get; } = suiteFile;
        public FixLedger Ledger { get; } = ledger;
        public string Source { get; set; } = command.Suite.Source;
        public RepairScope? Scope { get; set; }
        public ExecutionReport? Final { get; set; }
        public string? Error { get; set; }
    }
}
