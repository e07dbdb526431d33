using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace QuestMesh.Python.Tests;

/// <summary>tar.gz archives built in memory with <see cref="TarWriter"/>, hostile ones included.</summary>
public static class TestArchives
{
    public static byte[] Build(params TarEntry[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var entry in entries)
                writer.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return buffer.ToArray();
    }

    /// <summary>
    /// One valid pax extended header block announcing <paramref name="size"/> bytes of records, none of
    /// which follow: about 100 bytes once compressed.
    /// </summary>
    public static byte[] PaxHeaderClaiming(long size)
    {
        var block = new byte[512];
        void Put(int offset, string text) => Encoding.ASCII.GetBytes(text).CopyTo(block, offset);
        Put(0, "PaxHeaders/a");
        Put(100, "0000644\0");
        Put(108, "0000000\0");
        Put(116, "0000000\0");
        Put(124, Convert.ToString(size, 8).PadLeft(11, '0') + "\0");
        Put(136, "00000000000\0");
        block[156] = (byte)'x';
        Put(257, "ustar\0");
        Put(263, "00");
        Put(148, "        ");
        var checksum = block.Sum(b => (int)b);
        Put(148, Convert.ToString(checksum, 8).PadLeft(6, '0') + "\0 ");
        return Gzip(block);
    }

    public static PaxTarEntry FileEntry(string name, string content, UnixFileMode? mode = null)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
        if (mode is { } m)
            entry.Mode = m;
        return entry;
    }

    public static PaxTarEntry DirectoryEntry(string name) => new(TarEntryType.Directory, name);

    public static PaxTarEntry SymlinkEntry(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    public static PaxTarEntry HardlinkEntry(string name, string target) => new(TarEntryType.HardLink, name) { LinkName = target };
}
