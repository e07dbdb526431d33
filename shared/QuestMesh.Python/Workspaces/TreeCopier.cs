namespace QuestMesh.Python.Workspaces;

/// <summary>Copies a project tree into a workspace, leaving out version-control data, caches and links.</summary>
public static class TreeCopier
{
    private static readonly HashSet<string> SkippedDirectories =
        [".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "node_modules", "artifacts"];

    /// <summary>
    /// Symbolic links are never copied: followed, they could bring files from outside the project into a
    /// workspace that untrusted code then reads.
    /// </summary>
    public static void Copy(string source, string destination)
    {
        if (!Directory.Exists(source))
            throw new WorkspaceException($"project directory '{source}' does not exist");
        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (SkippedDirectories.Contains(name) || new DirectoryInfo(dir).LinkTarget is not null)
                continue;
            var target = Path.Combine(destination, name);
            Directory.CreateDirectory(target);
            Copy(dir, target);
        }
        foreach (var file in Directory.EnumerateFiles(source))
        {
            if (new FileInfo(file).LinkTarget is not null || file.EndsWith(".pyc", StringComparison.Ordinal))
                continue;
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
