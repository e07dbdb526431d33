using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner.Consumers;

public sealed class ExecuteTestsConsumer(SuiteExecutor executor, CompletedSteps steps, ILogger<ExecuteTestsConsumer> logger)
    : IConsumer<ExecuteTests>
{
    public async Task Consume(ConsumeContext<ExecuteTests> context)
    {
        var command = context.Message;
        logger.LogInformation("Run {RunId} attempt {Attempt}: executing step {StepId} (redelivered: {Redelivered})",
            command.RunId, command.Attempt, command.StepId, context.ReceiveContext.Redelivered);
        // A redelivered command is answered with the reply it already got; running mutants twice costs minutes.
        var reply = await steps.OnceAsync(command.StepId, () => ExecuteAsync(command, context.CancellationToken));
        var report = reply.Report;
        logger.LogInformation(
            "Run {RunId} attempt {Attempt}: step {StepId} suite {Status}, {Passed}/{Tests} tests passed, coverage {Coverage:0.0} %, mutation score {MutationScore}",
            command.RunId, command.Attempt, command.StepId, report.Status, report.Tests.Count(t => t.Outcome == "passed"), report.Tests.Count,
            report.Coverage?.Percent ?? 0, report.Mutation?.Score);
        await context.Publish(reply);
    }

    private async Task<TestsExecuted> ExecuteAsync(ExecuteTests command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await executor.RunAsync(command, cancellationToken);
        return new TestsExecuted
        {
            RunId = command.RunId,
            Attempt = command.Attempt,
            StepId = command.StepId,
            Report = report,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }
}
