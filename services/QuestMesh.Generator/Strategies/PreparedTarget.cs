using QuestMesh.Generator.Search;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Strategies;

/// <summary>
/// What every strategy starts from: a workspace copy of the project, the target file's path and text,
/// and the test file the suite goes to (the existing suite's, or where the project keeps its tests).
/// Disposing it removes the copy.
/// </summary>
public sealed class PreparedTarget : IDisposable
{
    private PreparedTarget(Workspace workspace, string targetFile, string targetCode, string testFile)
    {
        Workspace = workspace;
        TargetFile = targetFile;
        TargetCode = targetCode;
        TestFile = testFile;
    }

    public Workspace Workspace { get; }
    public string TargetFile { get; }
    public string TargetCode { get; }
    public string TestFile { get; }

    /// <summary>The prepared target, or the failed result (named for <paramref name="strategy"/>) that says why there is none.</summary>
    public static async Task<(PreparedTarget? Target, GenerationResult? Failure)> PrepareAsync(
        WorkspaceProvider workspaces, GenerationRequest request, string strategy, CancellationToken cancellationToken)
    {
        Workspace workspace;
        try
        {
            workspace = await workspaces.CreateAsync(request.Source, cancellationToken);
        }
        catch (WorkspaceException error)
        {
            return (null, GenerationResult.Failed(strategy, $"The project could not be prepared: {error.Message}"));
        }

        var targetFile = ProjectPaths.Normalize(request.TargetFile);
        string? targetCode;
        try
        {
            targetCode = workspace.ReadFile(targetFile);
        }
        catch (WorkspaceException error)
        {
            workspace.Dispose();
            return (null, GenerationResult.Failed(strategy, $"The target file is not usable: {error.Message}"));
        }
        if (targetCode is null)
        {
            workspace.Dispose();
            return (null, GenerationResult.Failed(strategy,
                $"The target file '{targetFile}' is not in the project, or not a regular file there; give its path relative to the project root."));
        }

        var testFile = request.ExistingSuite is { } suite
            ? ProjectPaths.Normalize(suite.FileName)
            : TestFileLocator.For(workspace.Directory, targetFile);
        return (new PreparedTarget(workspace, targetFile, targetCode, testFile), null);
    }

    public void Dispose() => Workspace.Dispose();
}
