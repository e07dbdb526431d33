using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Hybrid;

/// <summary>
/// Runs a candidate suite the way the runner does: in a fresh copy of the project, in the sandbox,
/// through the harness's <c>execute</c> and <c>mutate</c>. A copy a test already ran in may hold what
/// it left there, so every run gets its own.
/// </summary>
public sealed class SuiteProbe(WorkspaceProvider workspaces, HarnessClient harness, IOptions<HybridOptions> options)
{
    public async Task<ExecutionReport> ExecuteAsync(SourceSpec source, string targetFile, TestSuite suite, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.ExecuteTimeoutSeconds);
        using var workspace = await StageAsync(source, suite, cancellationToken);
        try
        {
            return await harness.ExecuteAsync(workspace.Directory, targetFile, ProjectPaths.Normalize(suite.FileName), limit, cancellationToken);
        }
        catch (HarnessException error)
        {
            return new ExecutionReport
            {
                Status = error.TimedOut ? "timeout" : "error",
                TestError = error.TimedOut ? $"the suite did not finish within {limit.TotalSeconds:0} s" : error.Message,
            };
        }
    }

    /// <summary>The mutation report of <paramref name="suite"/>, or null (with the reason) when none could be made.</summary>
    public async Task<(MutationReport? Report, string? Error)> MutateAsync(SourceSpec source, string targetFile, TestSuite suite,
        RunSettings settings, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.MutateTimeoutSeconds);
        using var workspace = await StageAsync(source, suite, cancellationToken);
        try
        {
            var report = await harness.MutateAsync(workspace.Directory, targetFile, ProjectPaths.Normalize(suite.FileName),
                settings.MaxMutants, settings.Seed, limit, cancellationToken);
            return (report, null);
        }
        catch (HarnessException error)
        {
            return (null, error.TimedOut ? $"mutation testing did not finish within {limit.TotalSeconds:0} s" : error.Message);
        }
    }

    /// <summary>The harness's <c>brief</c> of the gaps (text only: nothing of the project is imported).</summary>
    public async Task<BriefReply> BriefAsync(SourceSpec source, string targetFile, string suite, Critique gaps, CancellationToken cancellationToken)
    {
        using var workspace = await workspaces.CreateAsync(source, cancellationToken);
        return await harness.BriefAsync(workspace.Directory, targetFile, suite, gaps, cancellationToken);
    }

    private async Task<Workspace> StageAsync(SourceSpec source, TestSuite suite, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.CreateAsync(source, cancellationToken);
        try
        {
            workspace.WriteFile(ProjectPaths.Normalize(suite.FileName), suite.Source);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }
}
