using System.Security.Cryptography;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

public sealed class ArchiveStoreTests : IDisposable
{
    private readonly SourceTestHost _host = new(options => options.MaxArchiveBytes = 1000);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SaveAsync_StoresTheBytesUnderTheirSha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(800);

        var sha = await _host.Archives.SaveAsync(new MemoryStream(bytes), CancellationToken.None);

        sha.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        File.ReadAllBytes(_host.Archives.PathOf(sha)).ShouldBe(bytes);
        Directory.GetFiles(_host.ArchiveRoot).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SaveAsync_PastMaxArchiveBytes_IsRefusedAndNothingIsKept()
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() =>
            _host.Archives.SaveAsync(new MemoryStream(new byte[1001]), CancellationToken.None));

        error.Message.ShouldContain("larger than 1000 bytes (Sources:MaxArchiveBytes)");
        Directory.GetFiles(_host.ArchiveRoot).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_Empty_IsRefused()
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => _host.Archives.SaveAsync(new MemoryStream(), CancellationToken.None));

        error.Message.ShouldContain("empty");
    }
}
