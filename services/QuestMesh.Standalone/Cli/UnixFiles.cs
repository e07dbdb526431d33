using System.Runtime.InteropServices;
using System.Text;

namespace QuestMesh.Standalone.Cli;

public enum FileKind { Missing, Regular, Directory, SymbolicLink, Fifo, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>
/// What a path is, without opening it and without following a final link (lstat), and where it really
/// leads (realpath). .NET's FileInfo cannot tell a FIFO, device or socket from a regular file, and opening
/// one to find out can block for ever, so this asks the C library: <c>statx</c> (glibc 2.28+) fills a
/// fixed, architecture-independent layout, whose <c>stx_mode</c> is the u16 at offset 28.
/// </summary>
public static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int PathMax = 4096;

    public static FileKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
            return PortableKindOf(path);
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR)
                return FileKind.Missing;
            throw new IOException($"cannot inspect '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>The absolute path with every link, '.' and '..' resolved, or null when some part is missing.</summary>
    public static string? RealPath(string path)
    {
        var buffer = new byte[PathMax + 1];
        if (RealPath(path, buffer) == IntPtr.Zero)
            return null;
        return Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0));
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both absolute, links resolved).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>Other systems: no FIFO or device detection, only what .NET can see.</summary>
    private static FileKind PortableKindOf(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
            return FileKind.SymbolicLink;
        if (Directory.Exists(path))
            return FileKind.Directory;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath(string path, byte[] resolved);
}
