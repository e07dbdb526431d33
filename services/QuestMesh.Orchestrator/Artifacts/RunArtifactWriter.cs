using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts.Documents;
using QuestMesh.Orchestrator.Runs;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>Writes a run's seed artifacts by name; the saga's activities call it, the store decides where they land.</summary>
public sealed class RunArtifactWriter(IArtifactStore store, RunDocuments documents)
{
    public Task Text(RunState run, string name, string content, CancellationToken cancellationToken) =>
        store.WriteAsync(run.CorrelationId, name, content, cancellationToken);

    public Task Json<T>(RunState run, string name, T value, CancellationToken cancellationToken) =>
        store.WriteAsync(run.CorrelationId, name, ArtifactJson.Serialize(value), cancellationToken);

    public Task AttemptText(RunState run, string part, string content, CancellationToken cancellationToken) =>
        Text(run, ArtifactNames.Attempt(run.Attempt, part), content, cancellationToken);

    public Task AttemptJson<T>(RunState run, string part, T value, CancellationToken cancellationToken) =>
        Json(run, ArtifactNames.Attempt(run.Attempt, part), value, cancellationToken);

    public Task Metrics(RunState run, CancellationToken cancellationToken) =>
        AttemptJson(run, ArtifactNames.Metrics, MetricsDocument.From(run), cancellationToken);

    public Task FixReport(RunState run, CancellationToken cancellationToken) =>
        AttemptJson(run, ArtifactNames.FixReport, new FixReportDocument(run.Attempt, run.FixRounds), cancellationToken);

    /// <summary><c>findings.json</c> and <c>findings.sarif</c>, as the run knows them now.</summary>
    public async Task Findings(RunState run, CancellationToken cancellationToken)
    {
        await Json(run, ArtifactNames.Findings, FindingsDocument.From(run), cancellationToken);
        await Json(run, ArtifactNames.FindingsSarif, SarifDocument.From(run.TargetFile, run.PossibleBugs), cancellationToken);
    }

    public Task Summary(RunState run, DateTimeOffset now, CancellationToken cancellationToken) =>
        Json(run, ArtifactNames.RunSummary, RunSummaryDocument.From(run, now), cancellationToken);

    /// <summary>The final suite (the attempts' union when it was made, else the best attempt's) under <c>final/</c>; returns it.</summary>
    public async Task<TestSuite?> FinalSuite(RunState run, CancellationToken cancellationToken)
    {
        var suite = await documents.Find<TestSuite>(run.CorrelationId, run.FinalSuite ?? run.BestSuite, cancellationToken);
        if (suite is not null)
            await Text(run, ArtifactNames.Final(suite.FileName), suite.Source, cancellationToken);
        return suite;
    }

    /// <summary>The <c>events.log</c> line of the transition the message with <paramref name="stepKey"/> caused (once per key).</summary>
    public Task Event(RunState run, DateTimeOffset now, Guid stepKey, CancellationToken cancellationToken) =>
        store.AppendLineAsync(run.CorrelationId, ArtifactNames.EventsLog, EventsLogLine.KeyOf(stepKey),
            EventsLogLine.Format(run, now, stepKey), cancellationToken);

    public Task<string?> Read(RunState run, string name, CancellationToken cancellationToken) =>
        store.ReadAsync(run.CorrelationId, name, cancellationToken);
}
