namespace QuestMesh.Python.Sandboxing;

/// <summary>What one sandboxed process may see and use.</summary>
public sealed record SandboxScope
{
    /// <summary>
    /// The step's copy of the project, the process's working directory. Under bubblewrap the process
    /// writes to a size-limited copy of it (<see cref="SandboxOptions.WorkspaceMiB"/>) and this folder
    /// stays as it was; with process limits only, it writes here. It is handed to the sandbox's user (owner
    /// and mode 0700), so give a private copy, never the user's own folder.
    /// </summary>
    public required string Workspace { get; init; }

    /// <summary>The process's private home and temporary folder (<c>HOME</c>, <c>TMPDIR</c>).</summary>
    public required string Home { get; init; }

    /// <summary>Extra folders it may read (the harness package, an interpreter outside /usr, a dependency environment).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    /// <summary>
    /// Folders it may write in place, shown at their own path (a dependency environment being installed). When the
    /// service is root they belong to the sandbox's user while it runs and are taken back afterwards: owned by the
    /// service again, readable by every sandbox user, writable by none.
    /// </summary>
    public IReadOnlyList<string> Writable { get; init; } = [];

    /// <summary>
    /// Keep the host's network (no network namespace of its own): only for installing dependencies from a configured
    /// package index, never for project code or tests.
    /// </summary>
    public bool Network { get; init; }

    public int CpuSeconds { get; init; } = 1200;
    public int MemoryMiB { get; init; } = 4096;
}
