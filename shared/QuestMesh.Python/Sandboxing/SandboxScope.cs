namespace QuestMesh.Python.Sandboxing;

/// <summary>What one sandboxed process may see and use.</summary>
public sealed record SandboxScope
{
    /// <summary>Folders the process may write (the workspace and its private home); nothing else is writable.</summary>
    public IReadOnlyList<string> Writable { get; init; } = [];

    /// <summary>Extra folders it may read (the harness package, an interpreter outside /usr).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    public int CpuSeconds { get; init; } = 1200;
    public int MemoryMiB { get; init; } = 4096;
}
