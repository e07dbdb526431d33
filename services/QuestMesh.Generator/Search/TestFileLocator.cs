using System.Text;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Search;

/// <summary>Where a new suite goes: <c>tests/test_questmesh_&lt;module&gt;.py</c>, or wherever the project keeps its tests.</summary>
public static class TestFileLocator
{
    public static string For(string projectDir, string targetFile)
    {
        var name = $"test_questmesh_{ModuleBaseName(targetFile)}.py";
        var folder = TestsFolder(projectDir);
        return folder.Length == 0 ? name : $"{folder}/{name}";
    }

    /// <summary>An existing <c>tests/</c> or <c>test/</c> folder wins; a project whose test modules sit at the top level gets one more there.</summary>
    internal static string TestsFolder(string projectDir)
    {
        foreach (var folder in new[] { "tests", "test" })
        {
            if (Directory.Exists(Path.Combine(projectDir, folder)))
                return folder;
        }
        var topLevelTests = Directory.EnumerateFiles(projectDir, "test_*.py").Any()
            || Directory.EnumerateFiles(projectDir, "*_test.py").Any();
        return topLevelTests ? "" : "tests";
    }

    /// <summary>The module's own name (its package's for <c>__init__.py</c>), as a valid identifier.</summary>
    internal static string ModuleBaseName(string targetFile)
    {
        var normalized = ProjectPaths.Normalize(targetFile);
        var name = Path.GetFileNameWithoutExtension(normalized);
        if (name == "__init__")
            name = Path.GetFileName(Path.GetDirectoryName(normalized)) is { Length: > 0 } package ? package : "package";
        var identifier = new StringBuilder(name.Length);
        foreach (var c in name)
            identifier.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return identifier.Length == 0 ? "module" : identifier.ToString();
    }
}
