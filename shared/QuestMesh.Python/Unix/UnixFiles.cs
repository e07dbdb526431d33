using System.Runtime.InteropServices;

namespace QuestMesh.Python.Unix;

/// <summary>What a directory entry is, read without following a link and without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// The few file-system calls .NET does not expose: the type of an entry (a FIFO or a device must never be
/// opened: the open blocks, or the read never ends) and changing its owner without following a link.
/// </summary>
public static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    // struct statx is laid out by the kernel, the same on every architecture: stx_mode is the u16 at
    // offset 28 and stx_size the u64 at offset 40 of a 256-byte record.
    private const int StatxBytes = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    /// <summary>The entry's kind and size in bytes; <see cref="FileKind.Missing"/> when it does not exist.</summary>
    public static (FileKind Kind, long Size) Inspect(string path)
    {
        var buffer = new byte[StatxBytes];
        if (NativeMethods.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0)
            return (FileKind.Missing, 0);
        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var size = BitConverter.ToInt64(buffer, SizeOffset);
        var kind = (mode & 0xF000) switch
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
        return (kind, size);
    }

    public static FileKind KindOf(string path) => Inspect(path).Kind;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both absolute, links resolved).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>Gives <paramref name="path"/> (the link itself, never its target) to a user and group.</summary>
    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (NativeMethods.LChown(path, uid, gid) != 0)
            throw new IOException($"cannot change the owner of '{path}' (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>The canonical path with every link resolved (libc <c>realpath</c>); null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = NativeMethods.RealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeMethods.Free(resolved);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        public static extern IntPtr RealPath(string path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        public static extern void Free(IntPtr pointer);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
        public static extern int LChown(string path, uint uid, uint gid);
    }
}
