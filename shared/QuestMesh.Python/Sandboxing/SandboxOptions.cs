using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Python.Sandboxing;

/// <summary>
/// Section <c>Sandbox</c>: how Python processes that run untrusted code are isolated. Process limits
/// (CPU time, memory, processes, file size, wall clock) always apply; bubblewrap adds a private network,
/// a read-only system, and a filesystem that holds only the workspace and a private home.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary><c>auto</c> (bubblewrap when it works here), <c>bubblewrap</c> (required), or <c>limits</c> (process limits only).</summary>
    [Required, RegularExpression("^(auto|bubblewrap|limits)$", ErrorMessage = "Sandbox:Mode must be auto, bubblewrap or limits.")]
    public string Mode { get; set; } = "auto";

    /// <summary>Processes the sandboxed user may have at once (stops fork bombs).</summary>
    [Range(16, 65536)]
    public int MaxProcesses { get; set; } = 512;

    /// <summary>Largest file a sandboxed process may write (MiB).</summary>
    [Range(1, 1048576)]
    public int MaxFileSizeMiB { get; set; } = 1024;

    /// <summary>
    /// Size of the sandbox's <c>/tmp</c> and, separately, of its home (MiB): each is a tmpfs in memory
    /// under bubblewrap, so this bounds the host memory a test can fill through them.
    /// </summary>
    [Range(1, 1048576)]
    public int TmpMiB { get; set; } = 256;

    /// <summary>
    /// Disk quota of the step's workspace (MiB) under bubblewrap: the process works on a copy of the
    /// project in a tmpfs of this size, so the project and everything a test writes into it must fit.
    /// </summary>
    [Range(16, 1048576)]
    public int WorkspaceMiB { get; set; } = 1024;

    /// <summary>
    /// When the service runs as root, each sandboxed process runs as a user id of its own from
    /// [<see cref="FirstUid"/>, <see cref="FirstUid"/> + <see cref="UidCount"/>), so the process limit of
    /// one sandbox (a fork bomb) never starves another.
    /// </summary>
    [Range(1000, int.MaxValue)]
    public int FirstUid { get; set; } = 200_000;

    [Range(1, 1_000_000)]
    public int UidCount { get; set; } = 10_000;

    /// <summary>
    /// Where the user ids in use are held, one lock file each, against every QuestMesh process on this
    /// machine: a folder only root may write in.
    /// </summary>
    [Required]
    public string UserLockFolder { get; set; } = "/run/questmesh/sandbox-users";
}
