namespace QuestMesh.Python.Workspaces;

/// <summary>
/// The decompressed tar stream on its way to <see cref="System.Formats.Tar.TarReader"/>, guarded twice:
/// the total read is capped (a gzip bomb stops here, whatever the headers claim), and no metadata header
/// (pax, GNU long name) may announce more than <see cref="MaxMetadataBytes"/>, because TarReader allocates
/// a buffer of the announced size before reading it: a 1 KB archive could otherwise claim 2 GB.
/// </summary>
internal sealed class GuardedTarStream(Stream inner, long limit, string limitMessage) : Stream
{
    public const int MaxMetadataBytes = 1024 * 1024;
    private const int Block = 512;

    // Every tar header starts on a 512-byte boundary, so checking every aligned block that is a valid
    // header cannot fall out of step with the reader, however the archive lays out its entries.
    private readonly byte[] _block = new byte[Block];
    private int _blockFill;
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await inner.ReadAsync(buffer, ct);
        Inspect(buffer.Span[..read]);
        return read;
    }

    private void Inspect(ReadOnlySpan<byte> data)
    {
        _read += data.Length;
        if (_read > limit)
            throw new WorkspaceException(limitMessage);
        while (data.Length > 0)
        {
            var take = Math.Min(Block - _blockFill, data.Length);
            data[..take].CopyTo(_block.AsSpan(_blockFill));
            _blockFill += take;
            data = data[take..];
            if (_blockFill == Block)
            {
                CheckBlock(_block);
                _blockFill = 0;
            }
        }
    }

    private static void CheckBlock(ReadOnlySpan<byte> block)
    {
        // Pax extended ('x') and global ('g') headers, GNU long names ('L') and long link names ('K').
        if (block[156] is not ((byte)'x' or (byte)'g' or (byte)'L' or (byte)'K') || !HasValidChecksum(block))
            return;
        var size = block[124] >= 0x80 ? long.MaxValue : Octal(block.Slice(124, 12));
        if (size > MaxMetadataBytes)
            throw new WorkspaceException(
                $"the archive has a metadata header of {size} bytes (at most {MaxMetadataBytes} are accepted); build it with 'tar czf' and upload it again");
    }

    private static bool HasValidChecksum(ReadOnlySpan<byte> block)
    {
        long sum = 0;
        for (var i = 0; i < Block; i++)
            sum += i is >= 148 and < 156 ? ' ' : block[i];
        return Octal(block.Slice(148, 8)) == sum;
    }

    private static long Octal(ReadOnlySpan<byte> field)
    {
        long value = 0;
        var i = 0;
        while (i < field.Length && field[i] == ' ')
            i++;
        for (; i < field.Length && field[i] is >= (byte)'0' and <= (byte)'7'; i++)
        {
            value = value * 8 + (field[i] - '0');
            if (value > int.MaxValue * 8L)
                return long.MaxValue;
        }
        return value;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
