using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>Takes the request into the run's state.</summary>
public sealed class StartRunActivity(TimeProvider clock) : RunActivity<SubmitRun>
{
    protected override Task Run(BehaviorContext<RunState, SubmitRun> context)
    {
        var run = context.Saga;
        var request = context.Message;
        run.Source = request.Source;
        run.TargetFile = request.TargetFile;
        run.Settings = request.Settings;
        run.Tenant = request.Tenant;
        run.SubmittedAt = clock.GetUtcNow();
        run.Attempt = 0;
        run.Status = "submitted";
        run.StatusDetail = $"{request.TargetFile}: coverage ≥ {request.Settings.TargetCoverage}, mutation ≥ {request.Settings.TargetMutation}, {request.Settings.MaxAttempts} attempts";
        return Task.CompletedTask;
    }
}
