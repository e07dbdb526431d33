using Microsoft.Extensions.Logging;

namespace QuestMesh.Python.Sandboxing;

/// <summary>
/// Hands out the user ids sandboxed processes run as when the service is root, so that no two sandboxes
/// on this machine run as the same user at once, even from different service processes (two runners, a
/// runner and a generator): the reaping after a step kills every process of its user, and would kill the
/// other sandbox's step. An id is held by an exclusive lock on a file named after it in
/// <see cref="SandboxOptions.UserLockFolder"/>; the lock goes with the lease, or with the process.
/// </summary>
internal sealed class SandboxUsers(SandboxOptions options, ILogger logger)
{
    // A random start keeps the processes of one machine from trying the same ids first.
    private int _next = Random.Shared.Next();
    private bool _unlocked;

    public Lease Acquire()
    {
        if (!_unlocked && !TryPrepareFolder())
        {
            _unlocked = true;
            logger.LogWarning("Sandbox:UserLockFolder {Folder} cannot be used; sandbox user ids are not held against other QuestMesh processes on this machine",
                options.UserLockFolder);
        }
        for (var tries = 0; tries < options.UidCount; tries++)
        {
            var uid = (uint)(options.FirstUid + (int)((uint)Interlocked.Increment(ref _next) % (uint)options.UidCount));
            if (_unlocked)
                return new Lease(uid, null);
            try
            {
                // FileShare.None is an exclusive flock: refused while any process holds this id.
                return new Lease(uid, new FileStream(Path.Combine(options.UserLockFolder, uid.ToString()),
                    FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Another sandbox runs as this user: try the next id.
            }
        }
        throw new SandboxUnavailableException(
            $"All {options.UidCount} sandbox user ids from Sandbox:FirstUid {options.FirstUid} are in use; raise Sandbox:UidCount.");
    }

    /// <summary>The folder exists, is a real folder (not a link) and only its owner may write in it.</summary>
    private bool TryPrepareFolder()
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            var folder = Directory.CreateDirectory(options.UserLockFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return folder.LinkTarget is null
                && (folder.UnixFileMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public sealed class Lease(uint uid, FileStream? hold) : IDisposable
    {
        public uint Uid { get; } = uid;

        public void Dispose() => hold?.Dispose();
    }
}
