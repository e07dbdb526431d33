using QuestMesh.Contracts;

namespace QuestMesh.Samples.Publisher;

/// <summary>A small project's Python files as an inline source (larger ones go as an archive or a git source).</summary>
public static class InlineSource
{
    private static readonly HashSet<string> Skipped = [".git", "__pycache__", ".venv", "venv", "node_modules"];

    public static IReadOnlyList<InlineFile> Read(string project)
    {
        var root = Path.GetFullPath(project);
        return Walk(root)
            .Select(path => new InlineFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.py").Order(StringComparer.Ordinal))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Skipped.Contains(Path.GetFileName(sub)) || new DirectoryInfo(sub).LinkTarget is not null)
                continue;
            foreach (var file in Walk(sub))
                yield return file;
        }
    }
}
