using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Python;

/// <summary>
/// Section <c>Sources</c>: where git clones and uploaded archives are kept, and the limits that stop a bad
/// source (a slow host, an archive bomb) from hanging or filling a worker.
/// </summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    private const long MiB = 1024 * 1024;

    /// <summary>Trees materialised once per worker: <c>git/&lt;url hash&gt;/&lt;commit&gt;</c> and <c>archive/&lt;sha256&gt;</c>.</summary>
    [Required]
    public string CacheRoot { get; set; } = Path.Combine(Path.GetTempPath(), "questmesh-cache");

    /// <summary>Uploaded archives, each stored as <c>&lt;sha256&gt;.tar.gz</c>.</summary>
    [Required]
    public string ArchiveRoot { get; set; } = Path.Combine(Path.GetTempPath(), "questmesh-archives");

    /// <summary>The git executable; a bare name is looked up on <c>/usr/bin:/bin</c>.</summary>
    [Required]
    public string GitExecutable { get; set; } = "git";

    /// <summary>Wall-clock limit of each git call (seconds); the whole process group is killed past it.</summary>
    [Range(1, 86400)]
    public int GitTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Transports git may use (<c>GIT_ALLOW_PROTOCOL</c>, colon-separated). Leaving out <c>ext</c> and
    /// <c>fd</c> matters: they run commands named in the URL. Drop <c>file</c> where users must not read
    /// repositories on the worker's own disk.
    /// </summary>
    [Required, RegularExpression("^[a-z][a-z0-9+.-]*(:[a-z][a-z0-9+.-]*)*$", ErrorMessage = "Sources:GitProtocols must be colon-separated transport names such as https:ssh:file.")]
    public string GitProtocols { get; set; } = "https:http:ssh:git:file";

    /// <summary>Largest uploaded archive, compressed (bytes).</summary>
    [Range(1, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 100 * MiB;

    /// <summary>Largest total size of the files an archive unpacks to, or a project folder holds (bytes).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUnpackedBytes { get; set; } = 500 * MiB;

    /// <summary>Most entries (files, directories, links) one archive or project folder may hold.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 50_000;

    /// <summary>Deepest folder nesting a project (archive or folder) may have.</summary>
    [Range(1, 4096)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>Largest single file a project (archive or folder) may hold (bytes).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100 * MiB;
}
