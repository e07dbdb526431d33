using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// A fix round ended. A repaired suite is checked again (same attempt); when the fixer could not
/// repair it, no further round would help, so the attempt is routed as it stands.
/// </summary>
public sealed class AcceptFixActivity(RunArtifactWriter artifacts, RunDocuments documents) : RunActivity<TestsFixed>
{
    public static bool Repaired(TestsFixed message) => message.Suite is not null && message.Error is null;

    protected override async Task Run(BehaviorContext<RunState, TestsFixed> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var cancellationToken = context.CancellationToken;

        run.FixStepId = null;
        run.StepRetries = 0;
        run.RecordStep(StepNames.Fix, message.DurationSeconds);
        run.FixRounds.Add(new FixRoundRecord
        {
            Round = run.FixRound,
            FailingBefore = message.Report.FailingBefore,
            FailingAfter = message.Report.FailingAfter,
            Actions = message.Report.Actions,
            Runs = message.Report.Runs,
            Error = message.Error ?? (message.Suite is null ? "the fixer returned no suite" : null),
            DurationSeconds = message.DurationSeconds,
        });

        if (Repaired(message))
        {
            run.CurrentSuite = await documents.Put(run.CorrelationId, DocumentKinds.Suite, message.Suite!, cancellationToken);
            run.CurrentSuiteFile = message.Suite!.FileName;
            run.BeginCheck();
            run.Status = "fixed";
            run.StatusDetail = $"round {run.FixRound}: {message.Report.FailingBefore} failing before, {message.Report.FailingAfter} after";
            await artifacts.AttemptText(run, ArtifactNames.TestSource, message.Suite!.Source, cancellationToken);
        }
        else
        {
            run.FixRound = Math.Max(run.FixRound, run.Settings.MaxFixRounds);
            run.Status = "fix-failed";
            run.StatusDetail = run.FixRounds[^1].Error;
        }

        await artifacts.FixReport(run, cancellationToken);
        if (run.AddPossibleBugs(message.PossibleBugs))
            await artifacts.Findings(run, cancellationToken);
        await artifacts.Metrics(run, cancellationToken);
    }
}
