using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Runner.Execution;

/// <summary>
/// Reruns a suite in shuffled orders after its first run and marks the tests whose outcome changed:
/// they depend on each other's state (or on chance), so their verdict cannot be trusted.
/// </summary>
public sealed class FlakyCheck(HarnessClient harness, IOptions<RunnerOptions> options, ILogger<FlakyCheck> logger)
{
    /// <param name="stage">Makes the fresh workspace (project and suite) each rerun runs in.</param>
    public async Task<ExecutionReport> RunAsync(Func<CancellationToken, Task<Workspace>> stage, ExecuteTests command, string suiteFile,
        ExecutionReport first, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var runs = FlakyPolicy.Runs(command, settings);
        if (!FlakyPolicy.ShouldCheck(first, runs, settings))
            return first;

        var limit = FlakyPolicy.RerunLimit(first, settings);
        var reruns = new List<ExecutionReport>(runs);
        for (var run = 1; run <= runs; run++)
        {
            var seed = FlakyPolicy.ShuffleSeed(command.Seed, run);
            try
            {
                using var workspace = await stage(cancellationToken);
                reruns.Add(await harness.ExecuteAsync(workspace.Directory, ProjectPaths.Normalize(command.TargetFile), suiteFile,
                    limit, seed, cancellationToken));
            }
            catch (Exception error) when (error is HarnessException or WorkspaceException)
            {
                // A rerun that leaves no reply has no outcomes to compare; the first run's verdict stands.
                logger.LogWarning("Run {RunId} attempt {Attempt}: flaky rerun {Run} (seed {Seed}) gave no result: {Reason}",
                    command.RunId, command.Attempt, run, seed, error.Message);
            }
        }

        var marked = FlakyPolicy.Mark(first, reruns);
        if (marked.FlakyTests.Count > 0)
            logger.LogInformation("Run {RunId} attempt {Attempt}: {Count} flaky tests in {Runs} shuffled reruns: {FlakyTests}",
                command.RunId, command.Attempt, marked.FlakyTests.Count, reruns.Count, marked.FlakyTests);
        return marked;
    }
}
