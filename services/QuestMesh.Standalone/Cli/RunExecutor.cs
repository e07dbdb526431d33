using QuestMesh.Orchestrator.Runs;
using QuestMesh.Orchestrator.Repositories;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Python;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;
using QuestMesh.Standalone.Hosting;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>Runs one request end to end in the embedded host and turns the outcome into an exit code.</summary>
public static class RunExecutor
{
    public static Task<int> ExecuteAsync(string projectDir, string file, RunSettings settings, string? output,
        IAnsiConsole console, CancellationToken cancellationToken) =>
        ErrorExits.GuardAsync(console, cancellationToken, async () =>
        {
            var input = RunInputValidator.Validate(projectDir, file, settings, output);
            using var host = EmbeddedHost.Build();
            var strategy = StrategyCheck.Describe(host.Services, input.Settings);
            await host.StartAsync(cancellationToken);
            try
            {
                return await RunAsync(host.Services, input, strategy, new ProgressRenderer(console), cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });

    /// <summary>The same walk every step's copy makes: past a limit the run is refused, and what is left out is said once.</summary>
    private static void ScanProject(IServiceProvider services, RunInput input, ProgressRenderer renderer)
    {
        TreeCopyResult scan;
        try
        {
            scan = TreeCopier.Scan(input.ProjectDirectory, TreeLimits.From(services.GetRequiredService<IOptions<SourceOptions>>().Value));
        }
        catch (WorkspaceException error)
        {
            throw new BadInputException(error.Message);
        }
        renderer.LeftOut(scan.Skipped);
    }

    private static async Task<int> RunAsync(IServiceProvider services, RunInput input, string strategy, ProgressRenderer renderer,
        CancellationToken cancellationToken)
    {
        ScanProject(services, input, renderer);
        await CheckTargetAsync(services.GetRequiredService<HarnessClient>(), input, cancellationToken);

        var runId = NewId.NextGuid();
        var artifacts = services.GetRequiredService<IRunArtifactLocations>().Assign(runId, input.OutputDirectory);
        var events = services.GetRequiredService<RunWatcher>().Watch(runId);
        var bus = services.GetRequiredService<IBus>();
        renderer.Started(runId, input, artifacts);
        renderer.Strategy(strategy);
        await bus.Publish(new SubmitRun
        {
            RunId = runId,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = input.ProjectDirectory },
            TargetFile = input.TargetFile,
            Settings = input.Settings,
        }, cancellationToken);

        using var cancel = cancellationToken.Register(() => bus.Publish(new CancelRun(runId, "interrupted by the user")));
        await foreach (var message in events.ReadAllAsync(CancellationToken.None))
        {
            switch (message)
            {
                case RunStateChanged changed:
                    renderer.Progress(changed);
                    break;
                case RunCompleted completed:
                    renderer.Completed(completed, artifacts, input);
                    return completed.TargetsMet ? ExitCodes.TargetsMet : ExitCodes.BelowTarget;
                case RunFailed failed:
                    renderer.Failed(failed, artifacts);
                    return GenerationFailures.BlamesTarget(failed.Reason) ? ExitCodes.TargetMisbehaved : ExitCodes.InternalError;
                case ArtifactWriteFailed unwritable:
                    renderer.ArtifactsUnwritable(unwritable, artifacts);
                    return ExitCodes.InternalError;
            }
        }
        return ExitCodes.InternalError;
    }

    /// <summary>The harness says whether the target is Python text that parses and can be imported by its name.</summary>
    private static async Task CheckTargetAsync(HarnessClient harness, RunInput input, CancellationToken cancellationToken)
    {
        AnalyzeReply analysis;
        try
        {
            analysis = await harness.AnalyzeAsync(input.ProjectDirectory, input.TargetFile, cancellationToken);
        }
        catch (HarnessException error) when (error.BadRequest)
        {
            throw new BadInputException(error.Message);
        }
        if (analysis.TargetProblem is { } problem)
            throw new BadInputException(problem.Message);
        if (analysis.SyntaxError is { } syntax)
            throw new BadInputException($"'{input.TargetFile}' has a syntax error at line {syntax.Line}: {syntax.Message}");
    }
}
