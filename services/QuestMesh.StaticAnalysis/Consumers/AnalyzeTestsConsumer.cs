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
        var reply = await steps.OnceAsync(command.StepId, () => AnalyzeAsync(command, context.CancellationToken));
        var report = reply.Report;
        var reliability = reply.Reliability;
        logger.LogInformation("Run {RunId} attempt {Attempt}: {Tests} tests, syntax ok {SyntaxOk}, pre-reliability {Level}: {Rationale}",
            command.RunId, command.Attempt, report.TestCount, report.SyntaxOk, reliability.Level, reliability.Rationale);
        await context.Publish(reply);
    }

    private async Task<TestsAnalyzed> AnalyzeAsync(AnalyzeTests command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await analyzer.AnalyzeAsync(command, cancellationToken);
        return new TestsAnalyzed
        {
            RunId = command.RunId,
            Attempt = command.Attempt,
            StepId = command.StepId,
            Report = report,
            Reliability = policy.Assess(report, command.Metadata),
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }
}
