using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Workspaces;

/// <summary>Uploaded archives on disk, each named by the sha256 of its bytes: <c>ArchiveRoot/&lt;sha256&gt;.tar.gz</c>.</summary>
public sealed class ArchiveStore(IOptions<SourceOptions> options)
{
    /// <summary>
    /// Stores <paramref name="content"/> and returns its sha256 (lower-case hex). The hash is computed while
    /// writing and the size checked as bytes arrive, so an oversized upload is refused without being kept.
    /// </summary>
    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.ArchiveRoot);
        var temporary = Path.Combine(settings.ArchiveRoot, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > settings.MaxArchiveBytes)
                        throw new WorkspaceException($"the archive is larger than {settings.MaxArchiveBytes} bytes (Sources:MaxArchiveBytes)");
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (total == 0)
                throw new WorkspaceException("the archive is empty");
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            // Same name, same bytes: replacing an earlier upload of the same archive changes nothing.
            File.Move(temporary, PathOf(sha256), overwrite: true);
            return sha256;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public string PathOf(string sha256) => Path.Combine(options.Value.ArchiveRoot, $"{sha256}.tar.gz");

    /// <summary>The lower-case form of a sha256 named by a run; anything else is refused before it reaches a path.</summary>
    public static string NormalizeSha256(string? sha256)
    {
        if (string.IsNullOrWhiteSpace(sha256))
            throw new WorkspaceException("an 'archive' source needs archiveSha256");
        var trimmed = sha256.Trim();
        if (trimmed.Length != 64 || !trimmed.All(char.IsAsciiHexDigit))
            throw new WorkspaceException($"'{trimmed}' is not a sha256 (64 hexadecimal digits)");
        return trimmed.ToLowerInvariant();
    }
}
