using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>A suite arrived: it becomes the attempt's current suite, with its seed artifacts.</summary>
public sealed class AcceptGeneratedActivity(RunArtifactWriter artifacts, RunDocuments documents) : RunActivity<TestsGenerated>
{
    public static bool HasSuite(TestsGenerated message) => message.Suite is not null && message.Error is null;

    protected override async Task Run(BehaviorContext<RunState, TestsGenerated> context)
    {
        var run = context.Saga;
        var message = context.Message;
        var suite = message.Suite!;
        var cancellationToken = context.CancellationToken;

        run.GenerateStepId = null;
        run.StepRetries = 0;
        run.CurrentSuite = await documents.Put(run.CorrelationId, DocumentKinds.Suite, suite, cancellationToken);
        run.CurrentSuiteFile = suite.FileName;
        run.CurrentMetadata = await documents.Put(run.CorrelationId, DocumentKinds.Metadata, message.Metadata, cancellationToken);
        run.BeginCheck();
        run.RecordStep(run.Attempt == 0 ? StepNames.Generate : StepNames.Enhance, message.DurationSeconds, message.Metadata);
        run.Status = "generated";
        run.StatusDetail = $"{suite.FileName} by {message.Metadata.Strategy}";

        if (message.ContextJson is { } contextJson)
            await artifacts.Text(run, ArtifactNames.Context, Indented(contextJson), cancellationToken);
        if (message.TargetCode is { } targetCode)
            await artifacts.Text(run, ArtifactNames.TargetCode, targetCode, cancellationToken);
        await artifacts.AttemptText(run, ArtifactNames.TestSource, suite.Source, cancellationToken);
        await artifacts.AttemptJson(run, ArtifactNames.LlmMetadata, message.Metadata, cancellationToken);
        await artifacts.Metrics(run, cancellationToken);
        if (run.AddPossibleBugs(message.PossibleBugs))
            await artifacts.Findings(run, cancellationToken);
    }

    /// <summary>The generator sends compact JSON; people read this file. Anything unparsable is kept as sent.</summary>
    private static string Indented(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(ArtifactJson.Options) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
