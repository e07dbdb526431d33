using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// Tells the world where the run stands after each event: a <see cref="RunStateChanged"/> for progress
/// displays and event streams, and the same facts as an <c>events.log</c> line keyed by the message's
/// StepId, so handling the message again writes no second line.
/// </summary>
public sealed class AnnounceActivity(RunArtifactWriter artifacts, TimeProvider clock) : RunActivity
{
    protected override async Task Run(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var now = clock.GetUtcNow();
        var figures = run.CurrentFigures;
        var stepKey = StepKeys.Of(context);
        run.UpdatedAt = now;

        await context.Publish(new RunStateChanged
        {
            RunId = run.CorrelationId,
            Attempt = run.Attempt,
            State = run.CurrentState,
            Status = run.Status,
            Coverage = figures?.Coverage,
            MutationScore = figures?.MutationScore,
            Detail = run.StatusDetail,
            Timestamp = now,
            StepId = stepKey,
        });
        await artifacts.Event(run, now, stepKey, context.CancellationToken);
    }
}
