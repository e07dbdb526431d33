using QuestMesh.Python.Unix;
namespace QuestMesh.Standalone.Cli;

/// <summary>
/// The <c>--file</c> target: a regular file inside the project, looked at without opening it (a FIFO or
/// a device would block or never end). A target reached through a link is the file the link leads to,
/// as long as that file is inside the project too; the run then tests the real file.
/// </summary>
public static class TargetFileCheck
{
    /// <summary>The target's path relative to <paramref name="realProject"/>, links resolved.</summary>
    public static string Resolve(string project, string realProject, string shownProject, string file)
    {
        var lexical = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(project, file));
        if (!lexical.StartsWith(project.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new BadInputException($"'{file}' is outside the project directory '{shownProject}'");
        var shown = Path.GetRelativePath(project, lexical).Replace('\\', '/');
        if (UnixFiles.KindOf(lexical) == FileKind.Missing)
            throw new BadInputException($"target file '{shown}' does not exist in '{shownProject}'");

        var real = UnixFiles.RealPath(lexical)
            ?? throw new BadInputException($"'{shown}' is a symbolic link to a file that does not exist");
        if (!UnixFiles.IsWithin(real, realProject))
            throw new BadInputException($"'{shown}' leads out of the project through a symbolic link (to '{real}'); give a file inside the project");
        var relative = Path.GetRelativePath(realProject, real).Replace('\\', '/');
        var problem = UnixFiles.KindOf(real) switch
        {
            FileKind.Regular => null,
            FileKind.Directory => "is a directory; give one Python file with --file",
            FileKind.Fifo => "is a named pipe (FIFO), not a Python file",
            FileKind.CharacterDevice or FileKind.BlockDevice => "is a device, not a Python file",
            FileKind.Socket => "is a socket, not a Python file",
            _ => "is not a regular file",
        };
        if (problem is not null)
            throw new BadInputException($"'{shown}' {problem}");
        if (!relative.EndsWith(".py", StringComparison.Ordinal))
            throw new BadInputException(relative == shown
                ? $"'{shown}' is not a Python file (.py)"
                : $"'{shown}' leads to '{relative}', which is not a Python file (.py)");
        return relative;
    }
}
