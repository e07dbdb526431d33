using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Runner.Execution;

/// <summary>
/// Runs one suite, each run in a fresh workspace: execution with branch coverage, the flaky check (shuffled
/// reruns), then mutation testing when it is worth it. Problems of the suite or the project become a report; only a machine that cannot run
/// Python at all (<see cref="PythonEnvironmentException"/>) throws.
/// </summary>
public sealed class SuiteExecutor(
    WorkspaceProvider workspaces,
    HarnessClient harness,
    FlakyCheck flaky,
    IOptions<RunnerOptions> options,
    ILogger<SuiteExecutor> logger)
{
    public async Task<ExecutionReport> RunAsync(ExecuteTests command, CancellationToken cancellationToken)
    {
        var suiteFile = ProjectPaths.Normalize(command.Suite.FileName);
        Workspace first;
        try
        {
            first = await StageAsync(command, suiteFile, cancellationToken);
        }
        catch (WorkspaceException error)
        {
            logger.LogWarning("Run {RunId} attempt {Attempt}: no workspace: {Reason}", command.RunId, command.Attempt, error.Message);
            return ExecutionReports.NoWorkspace(error.Message);
        }

        ExecutionReport report;
        using (first)
            report = await ExecuteAsync(first, command, suiteFile, cancellationToken);
        report = await flaky.RunAsync(ct => StageAsync(command, suiteFile, ct), command, suiteFile, report, cancellationToken);
        if (!MutationPolicy.ShouldMutate(report, command, options.Value))
            return report;
        using var workspace = await StageAsync(command, suiteFile, cancellationToken);
        return await MutateAsync(workspace, command, suiteFile, report, cancellationToken);
    }

    /// <summary>
    /// A fresh copy of the project with the suite written into it, for one sandboxed run: a copy a test
    /// already ran in may hold whatever that test left there.
    /// </summary>
    private async Task<Workspace> StageAsync(ExecuteTests command, string suiteFile, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.CreateAsync(command.Source, cancellationToken);
        try
        {
            workspace.WriteFile(suiteFile, command.Suite.Source);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private async Task<ExecutionReport> ExecuteAsync(Workspace workspace, ExecuteTests command, string suiteFile, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.ExecutionTimeoutSeconds);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var report = await harness.ExecuteAsync(
                workspace.Directory, ProjectPaths.Normalize(command.TargetFile), suiteFile, limit, shuffleSeed: null, command.TestArcs, cancellationToken);
            return ExecutionReports.Normalize(report, limit);
        }
        catch (HarnessException error) when (error.TimedOut)
        {
            logger.LogWarning("Run {RunId} attempt {Attempt}: suite stopped after {Limit} s", command.RunId, command.Attempt, limit.TotalSeconds);
            return ExecutionReports.TimedOut(limit, stopwatch.Elapsed.TotalSeconds);
        }
        catch (HarnessException error)
        {
            // A suite that exits the interpreter or exhausts its memory leaves no reply: its own fault.
            logger.LogWarning("Run {RunId} attempt {Attempt}: test run crashed: {Reason}", command.RunId, command.Attempt, error.Message);
            return ExecutionReports.Crashed(error.Message, stopwatch.Elapsed.TotalSeconds);
        }
    }

    private async Task<ExecutionReport> MutateAsync(Workspace workspace, ExecuteTests command, string suiteFile,
        ExecutionReport report, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.MutationTimeoutSeconds);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var mutation = await harness.MutateAsync(
                workspace.Directory, ProjectPaths.Normalize(command.TargetFile), suiteFile,
                command.MaxMutants ?? options.Value.DefaultMaxMutants, command.Seed, limit, cancellationToken);
            if (mutation.DurationSeconds <= 0)
                mutation = mutation with { DurationSeconds = stopwatch.Elapsed.TotalSeconds };
            return report with { Mutation = mutation };
        }
        catch (HarnessException error)
        {
            // The coverage figures stand on their own; a mutation failure only costs the score.
            logger.LogWarning("Run {RunId} attempt {Attempt}: mutation testing failed: {Reason}", command.RunId, command.Attempt, error.Message);
            var why = error.TimedOut
                ? $"Mutation testing did not finish within {limit.TotalSeconds:0} s; raise Runner:MutationTimeoutSeconds or sample fewer mutants (MaxMutants)."
                : $"Mutation testing failed: {error.Message}";
            return report with { MutationError = why };
        }
    }
}
