using MassTransit;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// Sends the command(s) of the state the run has just entered (or is still in, after a deadline passed).
/// Runs after <c>TransitionTo</c>: the state names the step.
/// </summary>
public sealed class SendStepActivity(StepSender sender) : RunActivity
{
    protected override Task Run(BehaviorContext<RunState> context) => context.Saga.CurrentState switch
    {
        nameof(RunStateMachine.Generating) => sender.SendGeneration(context),
        nameof(RunStateMachine.Checking) => sender.SendChecks(context),
        nameof(RunStateMachine.Critiquing) => sender.SendCritique(context),
        nameof(RunStateMachine.Fixing) => sender.SendFix(context),
        nameof(RunStateMachine.Finalizing) => sender.SendFinalize(context),
        var state => throw new InvalidOperationException($"Run {context.Saga.CorrelationId} has no step to send in state {state}."),
    };
}
