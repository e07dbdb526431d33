using System.Runtime.Versioning;
using QuestMesh.Python.Unix;

namespace QuestMesh.Python.Sandboxing;

/// <summary>Folders lent to a sandbox's own user for one process, and taken back from it. Links are never followed.</summary>
[UnsupportedOSPlatform("windows")]
internal static class FolderOwnership
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Gives a folder and everything in it to the sandbox's user, private to it (links are never followed).</summary>
    public static void HandOver(string folder, uint uid)
    {
        UnixFiles.ChangeOwner(folder, uid, uid);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            if (UnixFiles.KindOf(entry) == FileKind.Directory)
                HandOver(entry, uid);
            else
                UnixFiles.ChangeOwner(entry, uid, uid);
        }
    }

    /// <summary>
    /// Gives a folder a sandboxed process wrote in back to the service: owned by it, folders 0755 and files 0644 (0755
    /// when executable), so every sandbox user may read it and none may change it. Links are never followed.
    /// </summary>
    public static void TakeBack(string folder, uint uid, uint gid)
    {
        UnixFiles.ChangeOwner(folder, uid, gid);
        File.SetUnixFileMode(folder, Readable | UnixFileMode.UserWrite | Executable);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            switch (UnixFiles.KindOf(entry))
            {
                case FileKind.Directory:
                    TakeBack(entry, uid, gid);
                    break;
                case FileKind.Regular:
                    UnixFiles.ChangeOwner(entry, uid, gid);
                    var executable = (File.GetUnixFileMode(entry) & UnixFileMode.UserExecute) != 0;
                    File.SetUnixFileMode(entry, Readable | UnixFileMode.UserWrite | (executable ? Executable : 0));
                    break;
                case FileKind.SymbolicLink:
                    UnixFiles.ChangeOwner(entry, uid, gid);
                    break;
                default:
                    // A FIFO, socket or device made in the sandbox has no business in an environment.
                    File.Delete(entry);
                    break;
            }
        }
    }
}
