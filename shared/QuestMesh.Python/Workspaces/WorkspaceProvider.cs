using Microsoft.Extensions.Options;
using QuestMesh.Contracts;

namespace QuestMesh.Python.Workspaces;

/// <summary>Materialises a run's <see cref="SourceSpec"/> as a fresh writable copy per step.</summary>
public sealed class WorkspaceProvider(IOptions<PythonOptions> options)
{
    private static readonly HashSet<string> SkippedDirectories =
        [".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "node_modules", "artifacts"];

    public Workspace Create(SourceSpec source)
    {
        var root = options.Value.WorkRoot is { Length: > 0 } configured ? configured : Path.GetTempPath();
        System.IO.Directory.CreateDirectory(root);
        var directory = Path.Combine(root, $"questmesh-ws-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var workspace = new Workspace(directory);
        try
        {
            switch (source.Kind)
            {
                case SourceKinds.Path:
                    CopyTree(source.Path ?? throw new WorkspaceException("a 'path' source needs a path"), directory);
                    break;
                case SourceKinds.Inline:
                    foreach (var file in source.Files ?? [])
                        workspace.WriteFile(file.Path, file.Content);
                    break;
                default:
                    throw new WorkspaceException($"source kind '{source.Kind}' is not supported by this worker yet; use 'path' or 'inline'");
            }
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static void CopyTree(string source, string destination)
    {
        if (!System.IO.Directory.Exists(source))
            throw new WorkspaceException($"project directory '{source}' does not exist");
        foreach (var dir in System.IO.Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (SkippedDirectories.Contains(name) || new DirectoryInfo(dir).LinkTarget is not null)
                continue;
            var target = Path.Combine(destination, name);
            System.IO.Directory.CreateDirectory(target);
            CopyTree(dir, target);
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            if (new FileInfo(file).LinkTarget is not null || file.EndsWith(".pyc", StringComparison.Ordinal))
                continue;
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
