using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Runs the existing tests, with generated ones when given, once in the sandbox on a fresh copy of the Python root
/// (the repository's source, its Python root as <see cref="SourceSpec.Root"/>),
/// under branch coverage of every module the survey found, by the Python of its dependency environment when its
/// source declares requirements. The repository itself is never written.
/// </summary>
public sealed class SuiteMeasurements(HarnessClient harness, WorkspaceProvider workspaces, IOptions<RepositoryOptions> options)
{
    /// <param name="conftest">The generated tests' conftest.py, written beside them; null: none.</param>
    public async Task<MeasureReply> MeasureAsync(RepositoryContext context, IReadOnlyList<GeneratedFile> generated, GeneratedConftest? conftest,
        bool reports, CancellationToken cancellationToken)
    {
        using var workspace = await workspaces.CreateAsync(context.Source, cancellationToken);
        foreach (var file in generated)
            workspace.WriteFile(file.TestFile, file.Source);
        if (conftest?.Source is { } text)
            workspace.WriteFile(conftest.Path, text);
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
