namespace QuestMesh.Python;

/// <summary>
/// The Python a sandboxed harness command runs on, and what its sandbox may reach beyond the step's workspace: the
/// worker's own interpreter by default; a dependency environment's for the steps of a project that has one; and, to
/// install into that environment, its folder writable and, with a package index, the network.
/// </summary>
public sealed record HarnessRuntime
{
    public static readonly HarnessRuntime Default = new();

    /// <summary>The interpreter; null: the worker's own (<see cref="PythonEnvironment"/>).</summary>
    public string? Interpreter { get; init; }

    /// <summary>More folders the sandbox shows read-only (an environment, a wheel folder).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    /// <summary>Folders the sandbox may write in place (an environment being installed).</summary>
    public IReadOnlyList<string> Writable { get; init; } = [];

    /// <summary>Keep the host's network (installing from a package index only).</summary>
    public bool Network { get; init; }
}
