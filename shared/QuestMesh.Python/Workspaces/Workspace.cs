using QuestMesh.Python.Unix;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// A private copy of a project for one step; deleted when disposed. Sandboxed code may have run in it, so
/// the service never follows a link inside it: reads refuse links and special files, and writes replace
/// the entry itself (a new file renamed into place) instead of writing through whatever is there.
/// </summary>
public sealed class Workspace(string directory, Action? released = null) : IDisposable
{
    public string Directory { get; } = directory;

    /// <summary>The dependency environment of the source it was made for; null when the source declares no requirements.</summary>
    public Environments.DependencyEnvironment? Environment { get; init; }

    /// <summary>Writes <paramref name="relativePath"/> inside the workspace (never outside it, never through a link).</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = ProjectPaths.Resolve(Directory, relativePath);
        var folder = Path.GetDirectoryName(path)!;
        EnsureFolders(folder);
        var temporary = Path.Combine(folder, $".questmesh-{Guid.NewGuid():N}.tmp");
        // CreateNew fails on any existing entry, a planted link included; the rename then replaces the
        // entry at the path itself, never the file a link there points to.
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
            writer.Write(content);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The text of a regular file inside the workspace; null when it is missing, a link or not a regular file.</summary>
    public string? ReadFile(string relativePath)
    {
        var path = ProjectPaths.Resolve(Directory, relativePath);
        if (!NoLinksBetween(Path.GetDirectoryName(path)!) || UnixFiles.KindOf(path) != FileKind.Regular)
            return null;
        return File.ReadAllText(path);
    }

    private void EnsureFolders(string folder)
    {
        if (!NoLinksBetween(folder))
            throw new WorkspaceException($"'{Path.GetRelativePath(Directory, folder)}' in the workspace is not a plain folder; nothing is written through it");
        System.IO.Directory.CreateDirectory(folder);
    }

    /// <summary>True when every existing folder from the workspace root down to <paramref name="folder"/> is a real folder.</summary>
    private bool NoLinksBetween(string folder)
    {
        var current = Directory;
        foreach (var part in Path.GetRelativePath(Directory, folder).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            current = Path.Combine(current, part);
            var kind = UnixFiles.KindOf(current);
            if (kind == FileKind.Missing)
                return true;
            if (kind != FileKind.Directory)
                return false;
        }
        return true;
    }

    public void Dispose()
    {
        released?.Invoke();
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
