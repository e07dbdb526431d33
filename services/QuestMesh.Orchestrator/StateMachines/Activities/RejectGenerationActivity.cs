using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The generator answered without a suite. The run ends: with the best suite so far when an earlier
/// attempt produced one, else failed. The generation's metadata is kept: when a harness process failed,
/// it holds the end of its output (the traceback the one-line reason leaves out).
/// </summary>
public sealed class RejectGenerationActivity(RunArtifactWriter artifacts) : RunActivity<TestsGenerated>
{
    protected override async Task Run(BehaviorContext<RunState, TestsGenerated> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var step = run.Attempt == 0 ? StepNames.Generate : StepNames.Enhance;
        run.GenerateStepId = null;
        run.RecordStep(step, message.DurationSeconds, message.Metadata);
        run.Terminate(TerminationReasons.Failed(message.FailureKind ?? step), message.Error ?? "the generator returned no suite");
        await artifacts.AttemptJson(run, ArtifactNames.LlmMetadata, message.Metadata, context.CancellationToken);
    }
}
