using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.ServiceDefaults;
using QuestMesh.Orchestrator.Routing;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>The run ends with a suite: the union of the attempts when it was made and held up, else the best one any attempt produced, never a worse one.</summary>
public sealed class FinishRunActivity(RunArtifactWriter artifacts, TimeProvider clock) : RunActivity
{
    protected override async Task Run(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var now = clock.GetUtcNow();
        var reason = run.TerminationReason ?? TerminationReasons.MaxAttempts;
        var best = run.BestFigures ?? new AttemptFigures();
        run.StopWaiting(now);
        run.Status = reason;
        var suite = await artifacts.FinalSuite(run, context.CancellationToken);

        await context.Publish(new RunCompleted
        {
            RunId = run.CorrelationId,
            Reason = reason,
            Best = best,
            Attempts = run.Attempts.ToList(),
            Suite = suite,
            TargetsMet = run.HandedOverFigures is { } handed && RouterPolicy.TargetsMet(handed, run.Settings),
            Final = run.FinalFigures,
            Contributions = run.Contributions.ToList(),
            FinalNote = run.FinalNote,
            PossibleBugs = run.PossibleBugs.ToList(),
        });
        await artifacts.Findings(run, context.CancellationToken);
        await artifacts.Summary(run, now, context.CancellationToken);
        QuestMeshTelemetry.RunEnded("completed", reason);
    }
}
