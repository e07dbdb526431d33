using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.ServiceDefaults;
using QuestMesh.StaticAnalysis.Analysis;
using QuestMesh.StaticAnalysis.Reliability;

namespace QuestMesh.StaticAnalysis.Consumers;

public sealed class AnalyzeTestsConsumer(
    SuiteAnalyzer analyzer,
    PreReliabilityPolicy policy,
    CompletedSteps steps,
    ILogger<AnalyzeTestsConsumer> logger) : IConsumer<AnalyzeTests>
{
    public async Task Consume(ConsumeContext<AnalyzeTests> context)
    {
        var command = context.Message;
        if (command.StepId != Guid.Empty && steps.TryGet<TestsAnalyzed>(command.StepId, out var done))
        {
            logger.LogInformation("Run {RunId} attempt {Attempt}: step {StepId} already analysed, answering again",
                command.RunId, command.Attempt, command.StepId);
            await context.Publish(done);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var report = await analyzer.AnalyzeAsync(command, context.CancellationToken);
        var reliability = policy.Assess(report, command.Metadata);
        var reply = new TestsAnalyzed
        {
            RunId = command.RunId,
            Attempt = command.Attempt,
            StepId = command.StepId,
            Report = report,
            Reliability = reliability,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
        if (command.StepId != Guid.Empty)
            steps.Remember(command.StepId, reply);

        logger.LogInformation("Run {RunId} attempt {Attempt}: {Tests} tests, syntax ok {SyntaxOk}, pre-reliability {Level}: {Rationale}",
            command.RunId, command.Attempt, report.TestCount, report.SyntaxOk, reliability.Level, reliability.Rationale);
        await context.Publish(reply);
    }
}
