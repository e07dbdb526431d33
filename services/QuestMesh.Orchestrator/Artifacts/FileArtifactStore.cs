using System.Collections.Concurrent;

namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>
/// Artifacts on disk (embedded mode), in the folder <see cref="IRunArtifactLocations"/> names for the run:
/// <c>&lt;ArtifactsRoot&gt;/&lt;run_id&gt;/&lt;name&gt;</c> unless the host assigned one.
/// </summary>
public sealed class FileArtifactStore(IRunArtifactLocations locations) : IBinaryArtifactStore
{
    // One writer per file: two messages of one run may append to events.log at the same moment.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default) =>
        ReplaceAsync(runId, name, temporary => File.WriteAllTextAsync(temporary, content, cancellationToken), cancellationToken);

    public Task WriteBytesAsync(Guid runId, string name, byte[] content, CancellationToken cancellationToken = default) =>
        ReplaceAsync(runId, name, temporary => File.WriteAllBytesAsync(temporary, content, cancellationToken), cancellationToken);

    private async Task ReplaceAsync(Guid runId, string name, Func<string, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(runId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var gate = _locks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckLine(name, key, line);
        var path = PathOf(runId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var gate = _locks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var lines = File.Exists(path) ? (await File.ReadAllLinesAsync(path, cancellationToken)).ToList() : [];
            var existing = lines.FindIndex(l => l.Contains(key, StringComparison.Ordinal));
            if (existing < 0)
            {
                await File.AppendAllTextAsync(path, line + "\n", cancellationToken);
                return;
            }
            lines[existing] = line;
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId, name);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    public Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var root = RunDirectory(runId);
        IReadOnlyList<string> names = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal))
                .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(names);
    }

    private string RunDirectory(Guid runId) => locations.DirectoryOf(runId);

    private string PathOf(Guid runId, string name) => Path.Combine(RunDirectory(runId), Path.Combine(ArtifactRules.CheckName(name)));
}
