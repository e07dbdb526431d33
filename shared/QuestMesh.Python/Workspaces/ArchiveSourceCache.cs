using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Archive sources: an uploaded tar.gz, checked against the sha256 it is named by, is unpacked once per
/// worker into <c>CacheRoot/archive/&lt;sha256&gt;</c>, a tree that steps copy.
/// </summary>
public sealed class ArchiveSourceCache(
    IOptions<SourceOptions> options, ArchiveStore store, ArchiveExtractor extractor, TreeCache cache, ILogger<ArchiveSourceCache> logger)
{
    public Task<string> GetTreeAsync(string? sha256, CancellationToken ct)
    {
        var sha = ArchiveStore.NormalizeSha256(sha256);
        var directory = Path.Combine(options.Value.CacheRoot, "archive", sha);
        return cache.GetOrAddAsync(directory, (temporary, token) => UnpackAsync(sha, temporary, token), ct);
    }

    private async Task UnpackAsync(string sha, string destination, CancellationToken ct)
    {
        var path = store.PathOf(sha);
        if (!File.Exists(path))
            throw new WorkspaceException($"archive {sha} was not uploaded to this installation (or has been removed); upload it again");
        var stopwatch = Stopwatch.StartNew();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var limit = options.Value.MaxArchiveBytes;
        if (file.Length > limit)
            throw new WorkspaceException($"archive {sha} is larger than {limit} bytes (Sources:MaxArchiveBytes)");
        // The name is a promise about the bytes; a file changed or damaged on disk must not pass for it.
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        if (actual != sha)
            throw new WorkspaceException($"archive {sha} is damaged: its content has sha256 {actual}; upload it again");
        file.Position = 0;
        try
        {
            await extractor.ExtractAsync(file, destination, ct);
        }
        catch (WorkspaceException error)
        {
            throw new WorkspaceException($"archive {sha}: {error.Message}");
        }
        logger.LogInformation("Unpacked archive {ArchiveSha256} in {Elapsed}", sha, stopwatch.Elapsed);
    }
}
