using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Tests.Support;

/// <summary>Stands in for the generator: attempt n writes <c>test_attempt_n</c>, on top of the suite it enhances.</summary>
public sealed class ScriptedGenerator(RunScript script) : IConsumer<GenerateTests>, IConsumer<EnhanceTests>
{
    public Task Consume(ConsumeContext<GenerateTests> context) =>
        script.Answers<GenerateTests>() ? Reply(context, context.Message.RunId, context.Message.Attempt, context.Message.StepId, null) : Task.CompletedTask;

    public Task Consume(ConsumeContext<EnhanceTests> context) =>
        script.Answers<EnhanceTests>() ? Reply(context, context.Message.RunId, context.Message.Attempt, context.Message.StepId, context.Message.Suite.Source) : Task.CompletedTask;

    private Task Reply(ConsumeContext context, Guid runId, int attempt, Guid stepId, string? basedOn) =>
        context.Publish(new TestsGenerated
        {
            RunId = runId, Attempt = attempt, StepId = stepId, DurationSeconds = 2,
            Suite = script.GenerationErrors.ContainsKey(attempt) ? null : Replies.Suite(attempt, basedOn),
            Error = script.GenerationErrors.GetValueOrDefault(attempt),
            PossibleBugs = script.PossibleBugs.GetValueOrDefault(attempt) ?? [],
            Metadata = new LlmMetadata { Strategy = "llm", Model = "fake", Entropy = 0.4, AvgLogprob = -0.2, PromptTokens = 100, CompletionTokens = 50, EstimatedCost = 0.01m, LlmDurationSeconds = 1.5 },
            ContextJson = """{"summary":"a module","symbols":["f"]}""",
            TargetCode = "def f(x):\n    return x\n",
        });
}

public sealed class ScriptedAnalyzer(RunScript script) : IConsumer<AnalyzeTests>
{
    public Task Consume(ConsumeContext<AnalyzeTests> context) =>
        script.Answers<AnalyzeTests>() ? context.Publish(Replies.Analyzed(context.Message)) : Task.CompletedTask;
}

/// <summary>Reports the script's figures for the attempt; a failing attempt passes once its suite carries the fixer's mark.</summary>
public sealed class ScriptedRunner(RunScript script) : IConsumer<ExecuteTests>
{
    public Task Consume(ConsumeContext<ExecuteTests> context)
    {
        if (!script.Answers<ExecuteTests>())
            return Task.CompletedTask;
        var command = context.Message;
        var (coverage, mutation) = script.FiguresOf(command.Attempt);
        var failing = script.FailingAttempts.Contains(command.Attempt) && !command.Suite.Source.Contains("# fixed");
        return context.Publish(Replies.Executed(command, coverage, mutation, failing));
    }
}

public sealed class ScriptedSupervisor(RunScript script) : IConsumer<CritiqueAttempt>
{
    public Task Consume(ConsumeContext<CritiqueAttempt> context) =>
        script.Answers<CritiqueAttempt>() ? context.Publish(Replies.Critiqued(context.Message)) : Task.CompletedTask;
}

public sealed class ScriptedFixer(RunScript script) : IConsumer<FixTests>
{
    public Task Consume(ConsumeContext<FixTests> context) =>
        script.Answers<FixTests>() ? context.Publish(Replies.Fixed(context.Message)) : Task.CompletedTask;
}

public sealed class ScriptedFinalizer(RunScript script) : IConsumer<FinalizeSuite>
{
    public Task Consume(ConsumeContext<FinalizeSuite> context)
    {
        if (!script.Answers<FinalizeSuite>())
            return Task.CompletedTask;
        var command = context.Message;
        if (script.UnionFigures is not { } figures)
            return context.Publish(new SuiteFinalized { RunId = command.RunId, StepId = command.StepId, Error = "scripted: the union failed together", DurationSeconds = 0.5 });
        var union = "# union\n" + string.Concat(command.Suites.Select(s => s.Suite.Source));
        var executed = Replies.Executed(new ExecuteTests { RunId = command.RunId, StepId = command.StepId, Source = command.Source, TargetFile = command.TargetFile, Suite = command.Suites[0].Suite }, figures.Coverage, figures.Mutation);
        return context.Publish(new SuiteFinalized
        {
            RunId = command.RunId, StepId = command.StepId, DurationSeconds = 2.5,
            Suite = command.Suites[0].Suite with { Source = union },
            Execution = executed.Report,
            Contributions = command.Suites.Select(s => new SuiteContribution(s.Attempt, 1)).OrderBy(c => c.Attempt).ToList(),
            Dropped = ["test_redundant"],
        });
    }
}
