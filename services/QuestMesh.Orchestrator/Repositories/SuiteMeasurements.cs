using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Runs the existing tests, with generated ones when given, once in the sandbox on a fresh copy of the Python root
/// (the repository's source, its Python root as <see cref="SourceSpec.Root"/>),
/// under branch coverage of every module the survey found. The repository itself is never written.
/// </summary>
public sealed class SuiteMeasurements(HarnessClient harness, WorkspaceProvider workspaces, IOptions<RepositoryOptions> options)
{
    public async Task<MeasureReply> MeasureAsync(RepositoryContext context, IReadOnlyList<GeneratedFile> generated, bool reports,
        CancellationToken cancellationToken)
    {
        using var workspace = await workspaces.CreateAsync(context.Source, cancellationToken);
        foreach (var file in generated)
            workspace.WriteFile(file.TestFile, file.Source);
        var request = new MeasureRequest
        {
            Tests = [.. context.Survey.Tests, .. generated.Select(g => g.TestFile)],
            Modules = context.Survey.Modules,
            PathPrefix = context.Prefix,
            Reports = reports,
            Title = $"QuestMesh coverage: {Path.GetFileName(context.RepositoryDirectory.TrimEnd('/'))}",
        };
        return await harness.MeasureAsync(workspace.Directory, request, TimeSpan.FromSeconds(options.Value.SuiteTimeoutSeconds), cancellationToken);
    }
}
