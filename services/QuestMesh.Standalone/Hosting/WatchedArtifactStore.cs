using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Standalone.Hosting;

/// <summary>
/// The embedded host's artifact store: the files on disk, and word to <see cref="RunWatcher"/> when one
/// cannot be written. The saga activity that wrote it faults, and a faulted saga cannot announce its own
/// end, so without this the command would wait for a run that no longer moves.
/// </summary>
public sealed class WatchedArtifactStore(FileArtifactStore files, RunWatcher watcher) : IBinaryArtifactStore
{
    public Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default) =>
        Reported(runId, name, () => files.WriteAsync(runId, name, content, cancellationToken));

    public Task WriteBytesAsync(Guid runId, string name, byte[] content, CancellationToken cancellationToken = default) =>
        Reported(runId, name, () => files.WriteBytesAsync(runId, name, content, cancellationToken));

    public Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default) =>
        Reported(runId, name, () => files.AppendLineAsync(runId, name, key, line, cancellationToken));

    public Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default) =>
        files.ReadAsync(runId, name, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default) =>
        files.ListAsync(runId, cancellationToken);

    private async Task Reported(Guid runId, string name, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            watcher.Post(runId, new ArtifactWriteFailed(name, error.Message));
            throw;
        }
    }
}
