using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The critique arrived. <c>critique.json</c> itself is written by <see cref="RouteAttemptActivity"/>,
/// which adds where the router sent the run.
/// </summary>
public sealed class AcceptCritiqueActivity(RunArtifactWriter artifacts, RunDocuments documents, TimeProvider clock) : RunActivity<AttemptCritiqued>
{
    protected override async Task Run(BehaviorContext<RunState, AttemptCritiqued> context)
    {
        var run = context.Saga;
        var message = context.Message;

        run.CritiqueStepId = null;
        run.StepRetries = 0;
        run.LastCritique = await documents.Put(run.CorrelationId, DocumentKinds.Critique, message.Critique, context.CancellationToken);
        // The supervisor reports no duration of its own: measure it from the send. Its model's cost, when it
        // asked one, counts into the attempt's and the run's totals like the generator's.
        var seconds = run.StepSentAt is { } sent ? (clock.GetUtcNow() - sent).TotalSeconds : 0;
        run.RecordStep(StepNames.Critique, seconds, ModelUse(message.Critique.SupervisorLlm));
        run.Status = "critiqued";
        run.StatusDetail = $"post-execution reliability {message.Reliability.Level}";

        await artifacts.AttemptJson(run, ArtifactNames.PostReliability, message.Reliability, context.CancellationToken);
    }

    private static LlmMetadata? ModelUse(SupervisorLlmMetadata? supervisor) => supervisor is null ? null : new LlmMetadata
    {
        Strategy = "supervisor",
        Model = supervisor.Model,
        PromptTokens = supervisor.PromptTokens,
        CompletionTokens = supervisor.CompletionTokens,
        TotalTokens = supervisor.TotalTokens,
        EstimatedCost = supervisor.EstimatedCost,
        LlmDurationSeconds = supervisor.LlmDurationSeconds,
        LlmCalls = supervisor.LlmCalls,
    };
}
