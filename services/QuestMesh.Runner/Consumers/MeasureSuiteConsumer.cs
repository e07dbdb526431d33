using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner.Consumers;

/// <summary>
/// Runs a repository's whole suite for a repository run (the baseline, each combined run) in the sandbox, on a fresh
/// copy of its Python root with the generated test modules written in (by its dependency environment's Python when
/// the source declares requirements), and answers with the harness's reply and what became of the requirements. A source
/// or suite the harness cannot take is answered with the reason; only the machine's troubles fault (and are retried).
/// </summary>
public sealed class MeasureSuiteConsumer(HarnessClient harness, WorkspaceProvider workspaces, ILogger<MeasureSuiteConsumer> logger)
    : IConsumer<MeasureSuite>
{
    public async Task Consume(ConsumeContext<MeasureSuite> context)
    {
        var command = context.Message;
        logger.LogInformation("Repository run {RunId}: running {Tests} test modules with {Files} generated ones, step {StepId}",
            command.RunId, command.Request.Tests.Count, command.Files.Count, command.StepId);
        SuiteMeasured answer;
        try
        {
            using var workspace = await workspaces.CreateAsync(command.Source, context.CancellationToken);
            foreach (var file in command.Files)
                workspace.WriteFile(file.Path, file.Content);
            var reply = await harness.MeasureAsync(workspace.Directory, command.Request, TimeSpan.FromSeconds(command.TimeoutSeconds),
                context.CancellationToken);
            answer = new SuiteMeasured { RunId = command.RunId, StepId = command.StepId, Reply = reply, Dependencies = workspace.Environment };
            logger.LogInformation("Repository run {RunId}: suite {Status}, coverage {Coverage:0.0} %, {Tests} tests",
                command.RunId, reply.Status, reply.Coverage.Percent, reply.Totals.Tests);
        }
        catch (Exception error) when (error is WorkspaceException or HarnessException { BadRequest: true })
        {
            logger.LogWarning("Repository run {RunId}: the suite could not be run: {Reason}", command.RunId, error.Message);
            answer = new SuiteMeasured { RunId = command.RunId, StepId = command.StepId, Error = error.Message };
        }
        await context.RespondAsync(answer);
    }
}

public sealed class MeasureSuiteConsumerDefinition(IOptions<RunnerOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<MeasureSuiteConsumer>(options.Value.ConcurrentSteps, bus.Value);
