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
/// One fix round: classify the failures, then step by step make each open failure's next repair attempt
/// (code bugs and failures no rule repairs are removed instead), run the suite once for all of them, and
/// judge each attempt by that run: held, got the test further, or rolled back and tried otherwise, up to
/// <see cref="FixerOptions.MaxRepairAttempts"/> per failure before the test goes.
/// </summary>
public sealed class SuiteFixer(
    HarnessClient harness,
    WorkspaceProvider workspaces,
    FailureClassifier classifier,
    RepairPlanner planner,
    RoundEdits edits,
    IOptions<FixerOptions> options,
    ILogger<SuiteFixer> logger)
{
    private FixerOptions Settings => options.Value;

    public async Task<TestsFixed> FixAsync(FixTests command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var suiteFile = ProjectPaths.Normalize(command.Suite.FileName);
        var ledger = new FixLedger(classifier.ClassifyAll(command.Execution, suiteFile), command.Suite.Source);
        // The execution that asked for the fix is the first run of the suite as it came: unchanged, it is not run again.
        var round = new FixRound(command, suiteFile, ledger)
        {
            Final = command.Execution,
            RanSource = command.Suite.Source,
            Loaded = ExecutionFacts.LoadFailed(command.Execution) ? null : command.Suite.Source,
        };
        try
        {
            // A copy of the project the import repairs read (module names, the target's definitions); nothing runs in it.
            using var reference = await workspaces.CreateAsync(command.Source, cancellationToken);
            round.Scope = new RepairScope(reference.Directory, ProjectPaths.Normalize(command.TargetFile), suiteFile);
            await RoundAsync(round, cancellationToken);
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
        var report = ledger.Report(command.FixRound, round.Final, round.Error, round.Runs);
        logger.LogInformation(
            "Fixed run {RunId} attempt {Attempt} round {Round}: {Before} failing before, {After} after, {Removed} removed, {Bugs} possible bugs, {Runs} runs",
            command.RunId, command.Attempt, command.FixRound, report.FailingBefore, report.FailingAfter, ledger.RemovedCount, ledger.PossibleBugs.Count, round.Runs);
        return new TestsFixed
        {
            RunId = command.RunId,
            Attempt = command.Attempt,
            StepId = command.StepId,
            Suite = command.Suite with { Source = round.Source },
            Report = report,
            PossibleBugs = ledger.PossibleBugs,
            Error = round.Error,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }

    private async Task RoundAsync(FixRound round, CancellationToken ct)
    {
        while (true)
        {
            if (round.Runs == Settings.MaxValidationRuns)
            {
                // What the last run saw is what goes back: later rollbacks were never validated.
                round.Source = round.RanSource!;
                if (!ExecutionFacts.LoadFailed(round.Final!))
                    round.Error = $"{ExecutionFacts.FailingCount(round.Final!)} tests still fail after {round.Runs} runs";
                break;
            }
            await StepAsync(round, ct);
            if (!round.Unvalidated)
                break;
            var report = await RunSuiteAsync(round, ct);
            if (ExecutionFacts.LoadFailed(report))
            {
                NotLoaded(round, report);
                continue;
            }
            round.Loaded = round.RanSource;
            round.Deleted.Clear();
            await ReviewAsync(round, report, ct);
            if (!report.Tests.Any(ExecutionFacts.IsFailing) && !round.Unvalidated)
                return;
        }
        if (ExecutionFacts.LoadFailed(round.Final!))
            round.Error = $"the test module does not load: {classifier.ClassifyCollection(round.Final!, round.SuiteFile).Summary}";
    }

    /// <summary>
    /// Makes the next attempt of every open failure (a refused edit makes way for the next rule at once), then
    /// removes the tests that have no attempt left. Nothing runs here.
    /// </summary>
    private async Task StepAsync(FixRound round, CancellationToken ct)
    {
        var ledger = round.Ledger;
        var open = ledger.Cases.Where(c => c.State == CaseState.Open).ToList();
        while (open.Count > 0)
        {
            var plan = planner.Plan(open.Select(c => c.Current).ToList(), round.Scope!, id => ledger.Find(id)!.Tried);
            foreach (var (test, refused) in plan.Refused)
                GiveUp(ledger.Find(test)!, refused);
            var again = new List<FixCase>();
            foreach (var planned in plan.Edits)
            {
                var cases = planned.Tests.Select(t => ledger.Find(t)!).ToList();
                var (refusal, detail) = await edits.ApplyAsync(round, planned, cases, ct);
                foreach (var @case in cases)
                {
                    @case.Attempted(planned, detail, refusal);
                    if (refusal is null)
                        continue;
                    if (@case.Attempts.Count < Settings.MaxRepairAttempts)
                        again.Add(@case);
                    else
                        GiveUp(@case, refusal);
                }
            }
            open = again;
        }
        await RemoveAsync(round, ct);
    }

    private static void GiveUp(FixCase @case, string reason)
    {
        @case.Reason = reason;
        @case.State = @case.First.IsCollectionError ? CaseState.Kept : CaseState.Removing;
        if (@case.State == CaseState.Kept)
            @case.Outcome = $"the module still does not load: {reason}";
    }

    private async Task RemoveAsync(FixRound round, CancellationToken ct)
    {
        foreach (var function in round.Ledger.Cases.Where(c => c.State == CaseState.Removing).GroupBy(c => c.First.PatchName!))
        {
            var removed = await edits.DeleteAsync(round, function.Key, ct);
            foreach (var @case in function)
            {
                @case.State = removed ? CaseState.Removed : CaseState.Kept;
                @case.Outcome = removed ? null : $"still fails and could not be removed: {@case.Current.Summary}";
                if (removed)
                    round.Deleted.Add(@case);
            }
            var first = function.First();
            foreach (var sibling in removed ? round.Final?.Tests ?? [] : [])
                if (!ExecutionFacts.IsFailing(sibling) && TestNames.PatchName(sibling) == function.Key)
                    round.Ledger.RemovedWith(sibling, first.TestId, first.First.Category);
        }
    }

    /// <summary>
    /// Runs the suite as repaired so far, each time in a fresh copy of the project: the run before may have
    /// changed the copy it ran in (planted a module, swapped a file for a link).
    /// </summary>
    private async Task<ExecutionReport> RunSuiteAsync(FixRound round, CancellationToken ct)
    {
        using var workspace = await workspaces.CreateAsync(round.Command.Source, ct);
        workspace.WriteFile(round.SuiteFile, round.Source);
        var report = await harness.ExecuteAsync(workspace.Directory, round.Command.TargetFile, round.SuiteFile,
            TimeSpan.FromSeconds(Settings.ExecuteTimeoutSeconds), ct);
        round.Runs++;
        round.Final = report;
        round.RanSource = round.Source;
        return report;
    }

    /// <summary>
    /// The module did not load. When an earlier suite did, this step's edits broke it: back to that suite, and
    /// the attempts are rolled back. Otherwise the module never loaded: the load failure is the case to repair.
    /// </summary>
    private void NotLoaded(FixRound round, ExecutionReport report)
    {
        var failure = classifier.ClassifyCollection(report, round.SuiteFile);
        var trying = round.Ledger.Cases.Where(c => c.State == CaseState.Trying).ToList();
        if (round.Loaded is { } loaded)
        {
            round.Source = loaded;
            foreach (var @case in trying)
                Judge(@case, FixAttemptResults.RolledBack, $"the module did not load after it: {failure.Summary}");
            foreach (var @case in round.Deleted)
                @case.State = CaseState.Removing;
            round.Deleted.Clear();
            return;
        }
        var module = round.Ledger.Find(failure.TestId) ?? round.Ledger.Open(failure, round.RanSource!);
        if (module.State == CaseState.Trying && AttemptVerdict.Progressed(module.Trying!, module.Current, failure))
        {
            module.Judged(FixAttemptResults.Progressed, failure.Summary);
            (module.Current, module.BaseSource) = (failure, round.RanSource!);
            module.State = module.Attempts.Count < Settings.MaxRepairAttempts ? CaseState.Open : CaseState.Kept;
        }
        else if (module.State == CaseState.Trying)
        {
            round.Source = module.BaseSource;
            Judge(module, FixAttemptResults.RolledBack, failure.Summary);
        }
        if (module.State == CaseState.Kept)
            module.Outcome ??= $"the module still does not load: {failure.Summary}";
    }

    /// <summary>Judges each attempt by the run, rolls back those that did not hold, and opens tests seen failing only now.</summary>
    private async Task ReviewAsync(FixRound round, ExecutionReport report, CancellationToken ct)
    {
        var ledger = round.Ledger;
        var ran = round.RanSource!;
        foreach (var @case in ledger.Cases.Where(c => c.State == CaseState.Trying).ToList())
        {
            var now = report.Tests.FirstOrDefault(t => t.Id == @case.TestId);
            if (@case.First.IsCollectionError || (now is not null && !ExecutionFacts.IsFailing(now)))
            {
                @case.Judged(FixAttemptResults.Held, null);
                @case.State = CaseState.Repaired;
                continue;
            }
            if (now is null)
                continue; // Not run (the run ended early): no verdict yet.
            var after = classifier.Classify(now, round.SuiteFile);
            if (AttemptVerdict.Progressed(@case.Trying!, @case.Current, after))
            {
                @case.Judged(FixAttemptResults.Progressed, after.Summary);
                (@case.Current, @case.BaseSource) = (after, ran);
                @case.State = @case.Attempts.Count < Settings.MaxRepairAttempts ? CaseState.Open : CaseState.Removing;
                if (after.IsCodeBug)
                    ledger.BugShown(@case);
                continue;
            }
            var moduleLevel = @case.Trying!.ModuleLevel;
            Judge(@case, moduleLevel ? FixAttemptResults.DidNotHold : FixAttemptResults.RolledBack, after.Summary);
            if (!moduleLevel && @case.State == CaseState.Open)
                await edits.RollBackAsync(round, @case, ct);
        }
        foreach (var test in report.Tests.Where(ExecutionFacts.IsFailing).DistinctBy(t => t.Id))
        {
            var known = ledger.Find(test.Id);
            if (known is null)
                ledger.Open(classifier.Classify(test, round.SuiteFile), ran);
            else if (known.State == CaseState.Repaired)
                ledger.Reopen(known, classifier.Classify(test, round.SuiteFile), ran, Settings.MaxRepairAttempts);
        }
    }

    /// <summary>An attempt that did not hold: the test gets its next attempt, or goes when it has had them all.</summary>
    private void Judge(FixCase @case, string result, string why)
    {
        @case.Judged(result, why);
        @case.State = @case.Attempts.Count < Settings.MaxRepairAttempts ? CaseState.Open
            : @case.First.IsCollectionError ? CaseState.Kept : CaseState.Removing;
    }
}
