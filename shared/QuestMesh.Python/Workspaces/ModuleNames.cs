namespace QuestMesh.Python.Workspaces;

/// <summary>Dotted import names of project files, the same way the harness's <c>analyze</c> derives them.</summary>
public static class ModuleNames
{
    /// <summary><c>pkg/mod.py</c> → <c>pkg.mod</c>; a leading <c>src/</c> (src layout) is not part of the name.</summary>
    public static string FromPath(string relativePath)
    {
        var parts = ProjectPaths.Normalize(relativePath)
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".")
            .ToList();
        if (parts.Count == 0)
            return "";
        if (parts.Count > 1 && parts[0] == "src")
            parts.RemoveAt(0);
        if (parts[^1].EndsWith(".py", StringComparison.Ordinal))
            parts[^1] = parts[^1][..^3];
        if (parts[^1] == "__init__" && parts.Count > 1)
            parts.RemoveAt(parts.Count - 1);
        return string.Join('.', parts);
    }
}
