using QuestMesh.Python.Unix;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Copies a project tree into a workspace as regular files and folders only, within
/// <see cref="TreeLimits"/>. Version-control data and caches are left out; FIFOs, sockets and devices
/// are never opened (a FIFO blocks the copy, a device never ends) but skipped and listed; a symbolic link
/// is followed only when it resolves inside the project, so nothing from elsewhere on the machine reaches
/// a workspace that untrusted code then reads.
/// </summary>
public static class TreeCopier
{
    private static readonly HashSet<string> SkippedDirectories =
        [".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "node_modules", "artifacts"];

    // Whole-machine folders: a project is never one of them or inside one of the virtual ones.
    private static readonly string[] SystemFolders = ["/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/run", "/sbin", "/sys", "/usr", "/var"];
    private static readonly string[] VirtualTrees = ["/proc", "/sys", "/dev", "/run"];

    /// <summary>Checks the whole tree against the limits without writing anything (the same walk as <see cref="Copy"/>).</summary>
    public static TreeCopyResult Scan(string source, TreeLimits limits) => new Walk(CheckRoot(source), limits, null).Run();

    public static TreeCopyResult Copy(string source, string destination, TreeLimits limits) =>
        new Walk(CheckRoot(source), limits, Path.GetFullPath(destination)).Run();

    /// <summary>The project's real path; refuses what is not a project folder.</summary>
    private static string CheckRoot(string source)
    {
        var real = UnixFiles.RealPath(Path.GetFullPath(source));
        if (real is null || UnixFiles.KindOf(real) != FileKind.Directory)
            throw new WorkspaceException($"project directory '{source}' does not exist");
        if (SystemFolders.Contains(real) || VirtualTrees.Any(tree => real.StartsWith(tree + "/", StringComparison.Ordinal)))
            throw new WorkspaceException($"'{source}' is a system folder ({real}), not a project; give the folder that holds your code");
        return real;
    }

    private sealed class Walk(string root, TreeLimits limits, string? destination)
    {
        private readonly List<string> _skipped = [];
        private long _bytes;
        private int _entries;

        public TreeCopyResult Run()
        {
            Folder(root, destination, depth: 0, ancestors: [root]);
            return new TreeCopyResult(_bytes, _entries, _skipped);
        }

        private void Folder(string folder, string? target, int depth, List<string> ancestors)
        {
            if (depth > limits.MaxDepth)
                throw new WorkspaceException($"'{Relative(folder)}' is nested more than {limits.MaxDepth} folders deep (Sources:MaxDepth)");
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var (kind, size) = UnixFiles.Inspect(entry);
                var real = entry;
                if (kind == FileKind.SymbolicLink)
                {
                    real = ResolveInside(entry);
                    if (real is null)
                    {
                        _skipped.Add($"{Relative(entry)} (a link out of the project)");
                        continue;
                    }
                    (kind, size) = UnixFiles.Inspect(real);
                }
                switch (kind)
                {
                    case FileKind.Directory when SkippedDirectories.Contains(name):
                        continue;
                    case FileKind.Directory when ancestors.Contains(real):
                        _skipped.Add($"{Relative(entry)} (a link to a folder that contains it)");
                        continue;
                    case FileKind.Directory:
                        Count(entry, 0);
                        var child = target is null ? null : Path.Combine(target, name);
                        if (child is not null)
                            Directory.CreateDirectory(child);
                        Folder(real, child, depth + 1, [.. ancestors, real]);
                        break;
                    case FileKind.Regular when name.EndsWith(".pyc", StringComparison.Ordinal):
                        continue;
                    case FileKind.Regular:
                        if (size > limits.MaxFileBytes)
                            throw new WorkspaceException(
                                $"'{Relative(entry)}' is {Mebibytes(size)} MiB, larger than one project file may be ({Mebibytes(limits.MaxFileBytes)} MiB, Sources:MaxFileBytes)");
                        Count(entry, size);
                        if (target is not null)
                            File.Copy(real, Path.Combine(target, name));
                        break;
                    case FileKind.Missing:
                        _skipped.Add($"{Relative(entry)} (a broken link)");
                        break;
                    default:
                        _skipped.Add($"{Relative(entry)} (a {Describe(kind)}, not a regular file)");
                        break;
                }
            }
        }

        private string? ResolveInside(string link)
        {
            var real = UnixFiles.RealPath(link);
            return real is not null && UnixFiles.IsWithin(real, root) ? real : null;
        }

        private void Count(string entry, long size)
        {
            if (++_entries > limits.MaxEntries)
                throw new WorkspaceException($"the project has more than {limits.MaxEntries} files and folders (Sources:MaxEntries); point it at a smaller folder");
            _bytes += size;
            if (_bytes > limits.MaxBytes)
                throw new WorkspaceException(
                    $"the project is larger than {Mebibytes(limits.MaxBytes)} MiB (Sources:MaxUnpackedBytes), reached at '{Relative(entry)}'; point it at a smaller folder");
        }

        private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    private static long Mebibytes(long bytes) => (bytes + 1024 * 1024 - 1) / (1024 * 1024);

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        _ => "special file",
    };
}

/// <summary>How much one project copy may hold: the same limits as archive sources.</summary>
public sealed record TreeLimits(long MaxBytes, int MaxEntries, int MaxDepth, long MaxFileBytes)
{
    public static TreeLimits From(SourceOptions options) =>
        new(options.MaxUnpackedBytes, options.MaxEntries, options.MaxDepth, options.MaxFileBytes);
}

/// <summary>What a copy (or a scan) found: bytes and entries counted, and the entries left out with why.</summary>
public sealed record TreeCopyResult(long Bytes, int Entries, IReadOnlyList<string> Skipped);
