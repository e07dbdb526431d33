using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Standalone.Cli;
using QuestMesh.Standalone.Hosting;
using Spectre.Console;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// <c>questmesh run &lt;repo&gt;</c> without <c>--file</c>: a whole-repository run in the embedded host, its reports
/// written, then the gate: exit 0 when every threshold holds (or none was given), 5 when one fails.
/// </summary>
public static class RepositoryRunExecutor
{
    public static Task<int> ExecuteAsync(string repositoryDirectory, RunSettings settings, string? output, RepositoryLimits limits,
        GateThresholds gate, string? pushBranch, IAnsiConsole console, CancellationToken cancellationToken) =>
        ErrorExits.GuardAsync(console, cancellationToken, async () =>
        {
            var input = RepositoryInputValidator.Validate(repositoryDirectory, settings, output, limits, gate, pushBranch);
            using var host = EmbeddedHost.Build();
            var strategy = StrategyCheck.Describe(host.Services, input.Settings);
            var pusher = host.Services.GetRequiredService<BranchPusher>();
            var git = input.PushBranch is { } branch ? await pusher.CheckAsync(input.RepositoryDirectory, branch, cancellationToken) : null;
            await host.StartAsync(cancellationToken);
            try
            {
                var run = host.Services.GetRequiredService<RepositoryRun>();
                var progress = new RepositoryProgress(console);
                var context = await run.SurveyAsync(input, progress, cancellationToken);
                var runId = NewId.NextGuid();
                var artifacts = host.Services.GetRequiredService<IRunArtifactLocations>().Assign(runId, input.OutputDirectory);
                progress.Started(runId, input, artifacts, strategy);
                var report = await run.RunAsync(input, context, runId, artifacts, progress, cancellationToken);
                await host.Services.GetRequiredService<RepositoryArtifacts>().WriteReportsAsync(report, cancellationToken);
                progress.Finished(report, artifacts);
                if (git is not null && !await PushAsync(pusher, git, input, report, artifacts, progress, cancellationToken))
                    return ExitCodes.InternalError;
                return report.Gate.Passed ? ExitCodes.TargetsMet : ExitCodes.GateFailed;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });

    /// <summary>The generated tests, their conftest.py and manifest, as written to the artifacts, committed where they belong in the repository.</summary>
    private static async Task<bool> PushAsync(BranchPusher pusher, GitTarget git, RepositoryRunInput input, RepositoryReport report, string artifacts,
        RepositoryProgress progress, CancellationToken cancellationToken)
    {
        var folder = Path.GetRelativePath(git.TopLevel, Path.Combine(report.Context.PythonRoot, GeneratedTestNames.Folder)).Replace('\\', '/');
        var files = report.Combined.Kept.Select(f => Path.GetFileName(f.TestFile))
            .Concat(report.Combined.Conftest is { } conftest ? [Path.GetFileName(conftest.Path)] : [])
            .Append(GeneratedManifest.FileName)
            .Select(name => ($"{folder}/{name}", File.ReadAllText(Path.Combine(artifacts, GeneratedTestNames.Folder, name))))
            .ToList();
        var modules = report.Combined.Kept.Count == 1 ? "1 module" : $"{report.Combined.Kept.Count} modules";
        var message = $"QuestMesh: {report.GeneratedTests.Count} generated tests for {modules}\n\n"
            + $"Coverage {Format.Percent(report.Before)} -> {Format.Percent(report.After)} ({Format.Points(report.Delta)} points), run {report.RunId}.";
        try
        {
            progress.Pushed(await pusher.PushAsync(git, input.PushBranch!, files, message, cancellationToken), files.Count);
            return true;
        }
        catch (GitPushException error)
        {
            progress.PushFailed(error.Message);
            return false;
        }
    }
}
