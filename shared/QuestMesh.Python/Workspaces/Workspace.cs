namespace QuestMesh.Python.Workspaces;

/// <summary>A writable copy of a project for one step; deleted when disposed.</summary>
public sealed class Workspace(string directory) : IDisposable
{
    public string Directory { get; } = directory;

    /// <summary>Writes <paramref name="relativePath"/> inside the workspace (never outside it).</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = ProjectPaths.Resolve(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
