using System.Collections.Concurrent;

namespace QuestMesh.Python.Environments;

/// <summary>
/// The runtime of each live workspace that was made for a project with a dependency environment. The harness client
/// asks it which Python runs a sandboxed command in a workspace, so every step of such a run (explore, execute,
/// mutate, measure) uses the environment without each caller handing it along.
/// </summary>
public sealed class WorkspaceRuntimes
{
    private readonly ConcurrentDictionary<string, HarnessRuntime> _byFolder = new(StringComparer.Ordinal);

    public void Attach(string workspace, HarnessRuntime runtime) => _byFolder[Path.GetFullPath(workspace)] = runtime;

    public void Detach(string workspace) => _byFolder.TryRemove(Path.GetFullPath(workspace), out _);

    /// <summary>The runtime of the workspace at <paramref name="folder"/>; null when it has none of its own.</summary>
    public HarnessRuntime? For(string? folder) =>
        folder is { Length: > 0 } && _byFolder.TryGetValue(Path.GetFullPath(folder), out var runtime) ? runtime : null;
}
