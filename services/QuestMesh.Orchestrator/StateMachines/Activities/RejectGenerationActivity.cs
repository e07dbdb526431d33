using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The generator answered without a suite. The run ends: with the best suite so far when an earlier
/// attempt produced one, else failed.
/// </summary>
public sealed class RejectGenerationActivity : RunActivity<TestsGenerated>
{
    protected override Task Run(BehaviorContext<RunState, TestsGenerated> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var step = run.Attempt == 0 ? StepNames.Generate : StepNames.Enhance;
        run.GenerateStepId = null;
        run.RecordStep(step, message.DurationSeconds, message.Metadata);
        run.Terminate(TerminationReasons.Failed(message.FailureKind ?? step), message.Error ?? "the generator returned no suite");
        return Task.CompletedTask;
    }
}
