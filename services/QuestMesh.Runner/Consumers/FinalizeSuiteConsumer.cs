using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Runner.Finalization;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner.Consumers;

/// <summary>Makes a finished run's final suite (see <see cref="SuiteFinalizer"/>); a redelivered command gets the reply it already got.</summary>
public sealed class FinalizeSuiteConsumer(SuiteFinalizer finalizer, CompletedSteps steps, ILogger<FinalizeSuiteConsumer> logger)
    : IConsumer<FinalizeSuite>
{
    public async Task Consume(ConsumeContext<FinalizeSuite> context)
    {
        var command = context.Message;
        logger.LogInformation("Run {RunId}: finalizing from {Suites} attempts' suites, step {StepId}", command.RunId, command.Suites.Count, command.StepId);
        var reply = await steps.OnceAsync(command.StepId, () => finalizer.FinalizeAsync(command, context.CancellationToken));
        logger.LogInformation("Run {RunId}: final suite {Outcome}: coverage {Coverage:0.0} %, mutation score {MutationScore}, {Dropped} tests left out",
            command.RunId, reply.Error ?? "made", reply.Execution?.Coverage?.Percent ?? 0, reply.Execution?.Mutation?.Score, reply.Dropped.Count);
        await context.Publish(reply);
    }
}

public sealed class FinalizeSuiteConsumerDefinition(IOptions<RunnerOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<FinalizeSuiteConsumer>(options.Value.ConcurrentSteps, bus.Value);
