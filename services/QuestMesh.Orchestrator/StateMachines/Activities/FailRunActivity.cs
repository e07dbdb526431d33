using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The run ends without a result (failed or cancelled). The best passing suite so far is still kept as an
/// artifact for a person to look at, and told with the end, so that a caller (a repository run whose module ran
/// out of budget) keeps what was made.
/// </summary>
public sealed class FailRunActivity(RunArtifactWriter artifacts, TimeProvider clock) : RunActivity
{
    protected override async Task Run(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var now = clock.GetUtcNow();
        var reason = run.TerminationReason ?? TerminationReasons.Failed("unknown");
        run.StopWaiting(now);
        run.Status = reason == TerminationReasons.Cancelled ? "cancelled" : "failed";

        var suite = run.BestSuite is null ? null : await artifacts.FinalSuite(run, context.CancellationToken);
        await context.Publish(new RunFailed
        {
            RunId = run.CorrelationId,
            Reason = reason,
            Attempts = run.Attempts.ToList(),
            Detail = run.StatusDetail,
            Best = suite is null ? null : run.BestFigures,
            Suite = suite,
        });
        await artifacts.Findings(run, context.CancellationToken);
        await artifacts.Summary(run, now, context.CancellationToken);
        QuestMeshTelemetry.RunEnded(run.Status, reason);
    }
}
