namespace QuestMesh.Python.Workspaces;

public static class ProjectPaths
{
    /// <summary>
    /// The absolute path of <paramref name="relativePath"/> under <paramref name="root"/>; refuses absolute
    /// paths and paths that climb out of the root.
    /// </summary>
    public static string Resolve(string root, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath))
            throw new WorkspaceException($"'{relativePath}' must be a path relative to the project root");
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        if (!full.StartsWith(fullRoot.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new WorkspaceException($"'{relativePath}' is outside the project");
        return full;
    }

    /// <summary>Forward-slash form of a path relative to the root.</summary>
    public static string Normalize(string relativePath) => relativePath.Replace('\\', '/').TrimStart('.', '/');
}
