using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>Static analysis of the current suite arrived: one half of the check.</summary>
public sealed class AcceptAnalyzedActivity(RunArtifactWriter artifacts, RunDocuments documents) : RunActivity<TestsAnalyzed>
{
    protected override async Task Run(BehaviorContext<RunState, TestsAnalyzed> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var cancellationToken = context.CancellationToken;

        run.StaticStepId = null;
        run.PendingStatic = await documents.Put(run.CorrelationId, DocumentKinds.Static, message.Report, cancellationToken);
        // Re-sends count per check: the half that arrives first leaves the other's retries as they are,
        // so an unanswered half is sent at most StepRetryLimit + 1 times whenever its partner answers.
        if (run.ChecksComplete)
            run.StepRetries = 0;
        run.PendingPreReliability = message.Reliability;
        run.RecordStep(StepNames.Static, message.DurationSeconds);
        run.Status = "analyzed";
        run.StatusDetail = $"syntax {(message.Report.SyntaxOk ? "ok" : "error")}, {message.Report.TestCount} tests, reliability {message.Reliability.Level}";

        await artifacts.AttemptJson(run, ArtifactNames.Static, StaticDocument.From(message.Report), cancellationToken);
        await artifacts.AttemptJson(run, ArtifactNames.StaticSarif, SarifDocument.From(message.Report), cancellationToken);
        await artifacts.AttemptJson(run, ArtifactNames.PreReliability,
            PreReliabilityDocument.From(message.Reliability, message.Report), cancellationToken);
        await artifacts.Metrics(run, cancellationToken);
    }
}
