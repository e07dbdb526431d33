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

    /// <summary>Extra folders it may read (the harness package, an interpreter outside /usr).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    public int CpuSeconds { get; init; } = 1200;
    public int MemoryMiB { get; init; } = 4096;
}
