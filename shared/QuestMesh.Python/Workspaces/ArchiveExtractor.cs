using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Workspaces;

/// <summary>Unpacks a tar.gz under a directory, refusing entries that escape it and archives past the limits.</summary>
public sealed class ArchiveExtractor(IOptions<SourceOptions> options)
{
    // tar's own bytes around the files: a header block, padding, and long-name or pax records per entry.
    private const long OverheadPerEntry = 4096;
    private const long TrailerAllowance = 1024 * 1024;

    public async Task ExtractAsync(Stream tarGz, string destination, CancellationToken ct)
    {
        var limits = options.Value;
        var writer = new ArchiveEntryWriter(destination, limits);
        // Pax records, long names and padding are not file bytes, so the writer's count misses them; the
        // decompressed stream is capped as well, and a gzip bomb of metadata stops there.
        var streamLimit = limits.MaxUnpackedBytes + limits.MaxEntries * OverheadPerEntry + TrailerAllowance;
        try
        {
            await using var unzipped = new GZipStream(tarGz, CompressionMode.Decompress, leaveOpen: true);
            await using var guarded = new GuardedTarStream(unzipped, streamLimit,
                $"the archive unpacks to more than {limits.MaxUnpackedBytes} bytes (Sources:MaxUnpackedBytes)");
            await using var reader = new TarReader(guarded);
            while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
                await writer.WriteAsync(entry, ct);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new WorkspaceException($"the archive is not a valid tar.gz file ({error.Message}); build it with 'tar czf' and upload it again");
        }
    }
}
