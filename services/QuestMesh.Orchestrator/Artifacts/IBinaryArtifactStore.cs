namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>A store that also keeps bytes as they are (a folder on disk): images of an HTML report, say.</summary>
public interface IBinaryArtifactStore : IArtifactStore
{
    Task WriteBytesAsync(Guid runId, string name, byte[] content, CancellationToken cancellationToken = default);
}
