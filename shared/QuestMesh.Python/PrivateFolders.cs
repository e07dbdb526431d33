namespace QuestMesh.Python;

/// <summary>Folders under <see cref="PythonOptions.WorkRoot"/> that no other local user can read or plant files in.</summary>
public static class PrivateFolders
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <c>questmesh-&lt;kind&gt;-&lt;guid&gt;</c> with mode 0700 and returns its path.</summary>
    public static string Create(PythonOptions options, string kind)
    {
        var root = options.WorkRoot is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(root);
        var directory = Path.Combine(root, $"questmesh-{kind}-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, OwnerOnly);
        return directory;
    }
}
