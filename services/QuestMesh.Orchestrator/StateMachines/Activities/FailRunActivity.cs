using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The run ends without a result (failed or cancelled). The best suite so far is still kept as an
/// artifact for a person to look at.
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

        await context.Publish(new RunFailed
        {
            RunId = run.CorrelationId,
            Reason = reason,
            Attempts = run.Attempts.ToList(),
            Detail = run.StatusDetail,
        });
        await artifacts.FinalSuite(run, context.CancellationToken);
        await artifacts.Findings(run, context.CancellationToken);
        await artifacts.Summary(run, now, context.CancellationToken);
        QuestMeshTelemetry.RunEnded(run.Status, reason);
    }
}
