using System.Formats.Tar;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Writes the entries of one archive under a root, checking each entry before anything is written: its
/// path and any link target must stay inside the root, and the entry count and unpacked size stay within
/// the limits. Symbolic links are checked but never created, so no later entry can be written through one.
/// </summary>
internal sealed class ArchiveEntryWriter(string root, SourceOptions limits)
{
    private const UnixFileMode ExecuteBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private int _entries;
    private long _bytes;

    public async Task WriteAsync(TarEntry entry, CancellationToken ct)
    {
        if (++_entries > limits.MaxEntries)
            throw new WorkspaceException($"the archive has more than {limits.MaxEntries} entries (Sources:MaxEntries)");
        try
        {
            switch (entry.EntryType)
            {
                case TarEntryType.GlobalExtendedAttributes:
                    return; // Metadata for the entries that follow, not a file.
                case TarEntryType.Directory:
                    Directory.CreateDirectory(Resolve(entry.Name));
                    return;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    await WriteFileAsync(entry, ct);
                    return;
                case TarEntryType.SymbolicLink:
                    CheckSymbolicLink(entry);
                    return;
                case TarEntryType.HardLink:
                    CopyHardLink(entry);
                    return;
                default:
                    throw new WorkspaceException(
                        $"entry '{entry.Name}' is of type {entry.EntryType}; an archive may hold only files, directories and links");
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException && error is not EndOfStreamException)
        {
            throw new WorkspaceException($"entry '{entry.Name}' cannot be unpacked: {error.Message}");
        }
    }

    private async Task WriteFileAsync(TarEntry entry, CancellationToken ct)
    {
        var path = Resolve(entry.Name);
        if (path == _root)
            throw new WorkspaceException($"entry '{entry.Name}' is a file but names the project root");
        // Refused on the header's word before anything is written, and counted again while copying in
        // case the data runs longer than the header says (sparse entries expand).
        EnsureRoom(entry.Length);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            if (entry.DataStream is { } data)
                await CopyCountedAsync(data, file, ct);
        }
        // Keep the execute bits (scripts); drop set-uid, set-gid and odd permissions.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (entry.Mode & ExecuteBits) | ReadWrite);
        _files.Add(path);
    }

    private async Task CopyCountedAsync(Stream data, Stream file, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await data.ReadAsync(buffer, ct)) > 0)
        {
            Count(read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private void CheckSymbolicLink(TarEntry entry)
    {
        var link = Resolve(entry.Name);
        var target = entry.LinkName;
        if (string.IsNullOrEmpty(target) || Path.IsPathRooted(target) || !IsInside(Path.Combine(Path.GetDirectoryName(link)!, target)))
            throw new WorkspaceException(
                $"symbolic link '{entry.Name}' points to '{target}', outside the project; links in an archive must stay inside it");
        // Left out, as path sources leave links out (see TreeCopier).
    }

    private void CopyHardLink(TarEntry entry)
    {
        var path = Resolve(entry.Name);
        var target = entry.LinkName;
        if (string.IsNullOrEmpty(target) || Path.IsPathRooted(target) || !IsInside(Path.Combine(_root, target)))
            throw new WorkspaceException(
                $"hard link '{entry.Name}' points to '{target}', outside the project; links in an archive must stay inside it");
        var source = Path.GetFullPath(Path.Combine(_root, target));
        if (!_files.Contains(source))
            throw new WorkspaceException($"hard link '{entry.Name}' points to '{target}', which is not a file earlier in the archive");
        if (source == path)
            return;
        // A copy, not a link: the cached tree and the workspaces made from it never share an inode.
        Count(new FileInfo(source).Length);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        _files.Add(path);
    }

    private void Count(long bytes)
    {
        EnsureRoom(bytes);
        _bytes += bytes;
    }

    private void EnsureRoom(long bytes)
    {
        if (_bytes + bytes > limits.MaxUnpackedBytes)
            throw new WorkspaceException($"the archive unpacks to more than {limits.MaxUnpackedBytes} bytes (Sources:MaxUnpackedBytes)");
    }

    private string Resolve(string name)
    {
        if (Path.IsPathRooted(name))
            throw new WorkspaceException($"entry '{name}' has an absolute path; archive entries must be relative to the project root");
        if (name.Length == 0 || !IsInside(Path.Combine(_root, name)))
            throw new WorkspaceException($"entry '{name}' points outside the project; archive entries must stay inside it");
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(_root, name)));
    }

    private bool IsInside(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full == _root || full.StartsWith(_root + "/", StringComparison.Ordinal);
    }
}
