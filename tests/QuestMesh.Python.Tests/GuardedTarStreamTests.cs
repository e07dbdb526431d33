using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

public class GuardedTarStreamTests
{
    [Fact]
    public void Read_PastTheLimit_Fails()
    {
        using var guarded = new GuardedTarStream(new MemoryStream(new byte[10]), 5, "too much");

        Should.Throw<WorkspaceException>(() => guarded.CopyTo(Stream.Null)).Message.ShouldBe("too much");
    }

    [Fact]
    public void Read_OversizedMetadataHeaderSplitAcrossReads_IsCaught()
    {
        using var unzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(TestArchives.PaxHeaderClaiming(5_000_000)), System.IO.Compression.CompressionMode.Decompress))
            gzip.CopyTo(unzipped);
        using var guarded = new GuardedTarStream(new MemoryStream(unzipped.ToArray()), long.MaxValue, "");
        var buffer = new byte[100];

        Should.Throw<WorkspaceException>(() =>
        {
            while (guarded.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }).Message.ShouldContain("metadata header of 5000000 bytes");
    }

    [Fact]
    public void Read_DataThatOnlyLooksLikeAHeader_PassesWhenItsChecksumIsWrong()
    {
        var block = new byte[512];
        block[156] = (byte)'x';
        "77777777777"u8.CopyTo(block.AsSpan(124));
        using var guarded = new GuardedTarStream(new MemoryStream(block), long.MaxValue, "");

        guarded.CopyTo(Stream.Null);
    }
}
