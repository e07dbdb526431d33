using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;
using QuestMesh.Orchestrator.Routing;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// Asks the <see cref="RouterPolicy"/> where the critiqued attempt goes and keeps its answer in the
/// run's state; the state machine branches on <see cref="RunState.Route"/>. An attempt that is not sent
/// to the fixer is final: it may become the best.
/// </summary>
public sealed class RouteAttemptActivity(RouterPolicy policy, RunArtifactWriter artifacts, RunDocuments documents) : RunActivity
{
    protected override async Task Run(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var current = run.CurrentFigures
            ?? throw new InvalidOperationException($"Run {run.CorrelationId} attempt {run.Attempt} is routed without an execution report.");

        var decision = policy.Decide(new RouterInput
        {
            Current = current,
            Earlier = run.Attempts.Where(a => a.Attempt < run.Attempt).ToList(),
            TestsFailing = run.PendingTestsFailing,
            FixRound = run.FixRound,
            Settings = run.Settings,
        });

        run.Route = decision.Route;
        run.Stagnation = decision.Stagnation;
        if (decision.Route != RouteKind.Fix)
            run.ConcludeAttempt(current);
        if (decision.Route == RouteKind.Finish)
            run.Terminate(decision.Reason!, decision.Why);
        run.Status = decision.Route switch
        {
            RouteKind.Fix => "fixing",
            RouteKind.Enhance => "enhancing",
            _ => decision.Reason!,
        };
        run.StatusDetail = decision.Why;

        if (await documents.Find<Critique>(run.CorrelationId, run.LastCritique, context.CancellationToken) is { } critique)
            await artifacts.AttemptJson(run, ArtifactNames.Critique, CritiqueDocument.From(critique, decision), context.CancellationToken);
        await artifacts.Metrics(run, context.CancellationToken);
    }
}
