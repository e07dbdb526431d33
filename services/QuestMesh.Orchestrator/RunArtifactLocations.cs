using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace QuestMesh.Orchestrator;

public sealed class RunArtifactLocations(IOptions<OrchestratorOptions> options) : IRunArtifactLocations
{
    private readonly ConcurrentDictionary<Guid, string> _assigned = new();

    public string Assign(Guid runId, string? directory)
    {
        if (directory is null)
            return DirectoryOf(runId);
        return _assigned[runId] = Path.GetFullPath(directory);
    }

    public string DirectoryOf(Guid runId) =>
        _assigned.TryGetValue(runId, out var directory)
            ? directory
            : Path.GetFullPath(Path.Combine(options.Value.ArtifactsRoot, runId.ToString()));
}
