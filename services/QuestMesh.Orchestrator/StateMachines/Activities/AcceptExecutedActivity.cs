using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>The execution of the current suite arrived: the other half of the check, and the attempt's figures.</summary>
public sealed class AcceptExecutedActivity(RunArtifactWriter artifacts, RunDocuments documents) : RunActivity<TestsExecuted>
{
    protected override async Task Run(BehaviorContext<RunState, TestsExecuted> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var figures = AttemptScoring.Figures(run.Attempt, message.Report);

        run.ExecuteStepId = null;
        run.PendingExecution = await documents.Put(run.CorrelationId, DocumentKinds.Execution, message.Report, cancellationToken);
        run.PendingTestsFailing = AttemptScoring.TestsFailing(message.Report);
        // Re-sends count per check: the half that arrives first leaves the other's retries as they are,
        // so an unanswered half is sent at most StepRetryLimit + 1 times whenever its partner answers.
        if (run.ChecksComplete)
            run.StepRetries = 0;
        run.UpsertFigures(figures);
        run.RecordStep(StepNames.Execute, message.DurationSeconds);
        run.Status = "executed";
        run.StatusDetail = $"{message.Report.Status}: {figures.Passed} of {figures.Tests} tests passed";

        await artifacts.AttemptJson(run, ArtifactNames.Response, ResponseDocument.From(message.Report), cancellationToken);
        await artifacts.Metrics(run, cancellationToken);
    }
}
