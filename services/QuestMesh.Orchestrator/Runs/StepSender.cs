using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// Publishes the command(s) of the step a run is in, each with a fresh StepId, records the request
/// artifacts and sets the step's deadline. The same calls serve the first send and a re-send after a
/// deadline passed, so a re-sent command never differs from the original but for its StepId.
/// </summary>
public sealed class StepSender(IOptions<OrchestratorOptions> options, TimeProvider clock, RunArtifactWriter artifacts, RunDocuments documents)
{
    private StepTimeoutOptions Timeouts => options.Value.StepTimeouts;

    public async Task SendGeneration(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var stepId = NewId.NextGuid();
        run.GenerateStepId = stepId;
        if (run.Attempt == 0)
        {
            await Publish(context, RunCommands.Generate(run, stepId), ArtifactNames.GenerateRequest);
        }
        else
        {
            var suite = await Document<TestSuite>(context, run.BestSuite ?? run.CurrentSuite, "suite");
            var critique = await documents.Find<Critique>(run.CorrelationId, run.BestCritique ?? run.LastCritique, context.CancellationToken);
            await Publish(context, RunCommands.Enhance(run, stepId, suite, critique ?? new Critique()), ArtifactNames.GenerateRequest);
        }
        run.SetDeadline(clock.GetUtcNow(), Timeouts.Generate);
    }

    /// <summary>Static analysis and execution in parallel; on a re-send, only the one(s) not yet answered.</summary>
    public async Task SendChecks(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var suite = await Document<TestSuite>(context, run.CurrentSuite, "current suite");
        if (run.PendingStatic is null)
        {
            var stepId = NewId.NextGuid();
            run.StaticStepId = stepId;
            var metadata = await documents.Find<LlmMetadata>(run.CorrelationId, run.CurrentMetadata, context.CancellationToken);
            await context.Publish(RunCommands.Analyze(run, stepId, suite, metadata));
        }
        if (run.PendingExecution is null)
        {
            var stepId = NewId.NextGuid();
            run.ExecuteStepId = stepId;
            await Publish(context, RunCommands.Execute(run, stepId, suite), ArtifactNames.Request);
        }
        var timeout = run.PendingExecution is not null ? Timeouts.Static
            : run.PendingStatic is not null ? Timeouts.Execute
            : Max(Timeouts.Static, Timeouts.Execute);
        run.SetDeadline(clock.GetUtcNow(), timeout);
    }

    public async Task SendCritique(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var stepId = NewId.NextGuid();
        run.CritiqueStepId = stepId;
        var targetCode = await artifacts.Read(run, ArtifactNames.TargetCode, context.CancellationToken);
        var command = RunCommands.Critique(run, stepId,
            await Document<TestSuite>(context, run.CurrentSuite, "current suite"),
            await Document<StaticReport>(context, run.PendingStatic, "static report"),
            await Document<ExecutionReport>(context, run.PendingExecution, "execution report"));
        await context.Publish(command with { TargetCode = targetCode });
        run.SetDeadline(clock.GetUtcNow(), Timeouts.Critique);
    }

    public async Task SendFix(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var stepId = NewId.NextGuid();
        run.FixStepId = stepId;
        await context.Publish(RunCommands.Fix(run, stepId,
            await Document<TestSuite>(context, run.CurrentSuite, "current suite"),
            await Document<ExecutionReport>(context, run.PendingExecution, "execution report")));
        run.SetDeadline(clock.GetUtcNow(), Timeouts.Fix);
    }

    /// <summary>The passing suites of all concluded attempts, the best one first, for the final union.</summary>
    public async Task SendFinalize(BehaviorContext<RunState> context)
    {
        var run = context.Saga;
        var stepId = NewId.NextGuid();
        run.FinalizeStepId = stepId;
        var suites = new List<AttemptSuite>();
        foreach (var passing in run.PassingSuites.OrderBy(s => s.Attempt == run.BestAttempt ? 0 : 1).ThenBy(s => s.Attempt))
            suites.Add(new AttemptSuite(passing.Attempt, await Document<TestSuite>(context, passing.Suite, $"attempt {passing.Attempt}'s suite")));
        await context.Publish(RunCommands.Finalize(run, stepId, suites));
        run.SetDeadline(clock.GetUtcNow(), Timeouts.Finalize);
    }

    private async Task Publish<T>(BehaviorContext<RunState> context, T command, string artifact) where T : class
    {
        await context.Publish(command);
        await artifacts.AttemptJson(context.Saga, artifact, command, context.CancellationToken);
    }

    private Task<T> Document<T>(BehaviorContext<RunState> context, DocumentRef? reference, string what) =>
        documents.Get<T>(context.Saga.CorrelationId, reference ?? throw RunCommands.Missing(context.Saga, what), context.CancellationToken);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
