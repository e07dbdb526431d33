using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
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
            await host.StartAsync(cancellationToken);
            try
            {
                var runId = NewId.NextGuid();
                var artifacts = host.Services.GetRequiredService<IRunArtifactLocations>().Assign(runId, input.OutputDirectory);
                var progress = new RepositoryProgress(console);
                progress.Started(runId, input, artifacts, strategy);
                var report = await host.Services.GetRequiredService<RepositoryRun>().RunAsync(input, runId, artifacts, progress, cancellationToken);
                RepositoryArtifacts.WriteReports(artifacts, report);
                progress.Finished(report, artifacts);
                return report.Gate.Passed ? ExitCodes.TargetsMet : ExitCodes.GateFailed;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
}
