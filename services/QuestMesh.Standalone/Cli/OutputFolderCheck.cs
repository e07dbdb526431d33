using QuestMesh.Python.Unix;
namespace QuestMesh.Standalone.Cli;

/// <summary>
/// The <c>--out</c> folder, checked before the run starts: a folder (or a place where one can be made)
/// that this process can write, and never inside the project, which QuestMesh promises not to modify.
/// </summary>
public static class OutputFolderCheck
{
    /// <summary>The folder in full with links resolved, or null for the default location.</summary>
    public static string? Resolve(string? output, string realProject, string shownProject)
    {
        if (output is null)
            return null;
        if (string.IsNullOrWhiteSpace(output))
            throw new BadInputException("--out needs a folder for the run's artifacts");
        var full = Path.GetFullPath(output);
        var (existing, rest) = NearestExisting(full, output);
        var real = Path.Combine(existing, rest);
        if (rest.Length == 0 && UnixFiles.KindOf(real) != FileKind.Directory)
            throw new BadInputException($"--out '{output}' is an existing file, not a folder; give a folder for the run's artifacts");
        if (rest.Length > 0 && UnixFiles.KindOf(existing) != FileKind.Directory)
            throw new BadInputException($"--out '{output}' cannot be created: '{existing}' is not a folder");
        if (UnixFiles.IsWithin(real, realProject))
            throw new BadInputException($"--out '{output}' is inside the project directory '{shownProject}'; QuestMesh never writes into your project, so give a folder outside it");
        CheckWritable(existing, output);
        return real;
    }

    /// <summary>The deepest existing folder on the way to <paramref name="full"/> (links resolved) and the part still to create.</summary>
    private static (string Existing, string Missing) NearestExisting(string full, string shown)
    {
        var rest = "";
        for (var candidate = full; ; candidate = Path.GetDirectoryName(candidate)!)
        {
            if (UnixFiles.KindOf(candidate) != FileKind.Missing)
            {
                var real = UnixFiles.RealPath(candidate)
                    ?? throw new BadInputException($"--out '{shown}' leads through a symbolic link that points nowhere ('{candidate}')");
                return (real, rest);
            }
            rest = rest.Length == 0 ? Path.GetFileName(candidate) : Path.Combine(Path.GetFileName(candidate), rest);
        }
    }

    /// <summary>Permissions say little (root passes every check, /proc refuses root): try to make a folder there.</summary>
    private static void CheckWritable(string folder, string shown)
    {
        var probe = Path.Combine(folder, $".questmesh-write-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out '{shown}' is not writable: no folder can be created in '{folder}'");
        }
    }
}
