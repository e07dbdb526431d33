using System.Formats.Tar;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using QuestMesh.Contracts;
using QuestMesh.Python.Workspaces;
using static QuestMesh.Python.Tests.TestArchives;

namespace QuestMesh.Python.Tests;

public sealed class ArchiveSourceTests : IDisposable
{
    private SourceTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private void UseLimits(Action<SourceOptions> configure)
    {
        _host.Dispose();
        _host = new SourceTestHost(configure);
    }

    private async Task<Workspace> CreateAsync(byte[] archive)
    {
        var sha = await _host.Archives.SaveAsync(new MemoryStream(archive), CancellationToken.None);
        return await CreateAsync(sha);
    }

    private Task<Workspace> CreateAsync(string sha) =>
        _host.Workspaces.CreateAsync(new SourceSpec { Kind = SourceKinds.Archive, ArchiveSha256 = sha }, CancellationToken.None);

    private async Task<WorkspaceException> RefusedAsync(params TarEntry[] entries)
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(Build(entries)));
        var archiveCache = Path.Combine(_host.CacheRoot, "archive");
        if (Directory.Exists(archiveCache))
            Directory.EnumerateFileSystemEntries(archiveCache).ShouldBeEmpty("a refused archive leaves nothing in the cache");
        return error;
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task CreateAsync_GoodArchive_UnpacksFilesKeepingExecuteBits()
    {
        using var workspace = await CreateAsync(Build(
            DirectoryEntry("./"),
            DirectoryEntry("./pkg/"),
            FileEntry("./pkg/mod.py", "v = 1\n"),
            FileEntry("run.sh", "#!/bin/sh\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.SetUser),
            FileEntry("deep/er/data.txt", "d"),
            SymlinkEntry("pkg/alias.py", "mod.py"),
            HardlinkEntry("pkg/copy.py", "pkg/mod.py")));

        File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "mod.py")).ShouldBe("v = 1\n");
        File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "copy.py")).ShouldBe("v = 1\n");
        File.ReadAllText(Path.Combine(workspace.Directory, "deep", "er", "data.txt")).ShouldBe("d");
        var mode = File.GetUnixFileMode(Path.Combine(workspace.Directory, "run.sh"));
        mode.HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        mode.HasFlag(UnixFileMode.SetUser).ShouldBeFalse();
        File.Exists(Path.Combine(workspace.Directory, "pkg", "alias.py")).ShouldBeFalse("links are left out, as for path sources");
    }

    [Fact]
    public async Task CreateAsync_SecondUse_CopiesTheCachedTreeWithoutUnpackingAgain()
    {
        var sha = await _host.Archives.SaveAsync(new MemoryStream(Build(FileEntry("a.py", "x = 1\n"))), CancellationToken.None);
        using (await CreateAsync(sha))
        {
        }
        File.WriteAllText(Path.Combine(_host.CacheRoot, "archive", sha, "marker.txt"), "from the cache");

        using var second = await CreateAsync(sha);

        File.ReadAllText(Path.Combine(second.Directory, "marker.txt")).ShouldBe("from the cache");
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("pkg/../../evil")]
    public async Task CreateAsync_EntryClimbingOut_IsRefused(string name)
    {
        var error = await RefusedAsync(FileEntry("ok.py", ""), FileEntry(name, "boom"));

        error.Message.ShouldContain($"entry '{name}' points outside the project");
        File.Exists(Path.Combine(_host.CacheRoot, "evil")).ShouldBeFalse();
        File.Exists(Path.Combine(_host.CacheRoot, "archive", "evil")).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_AbsoluteEntry_IsRefused()
    {
        var error = await RefusedAsync(FileEntry("/etc/questmesh-test-x", "boom"));

        error.Message.ShouldContain("entry '/etc/questmesh-test-x' has an absolute path");
        File.Exists("/etc/questmesh-test-x").ShouldBeFalse();
    }

    [Theory]
    [InlineData("passwd", "/etc/passwd")]
    [InlineData("pkg/link", "../../x")]
    [InlineData("pkg/link", "../../../../../../etc")]
    public async Task CreateAsync_SymlinkPointingOut_IsRefused(string name, string target)
    {
        var error = await RefusedAsync(DirectoryEntry("pkg/"), SymlinkEntry(name, target), FileEntry($"{name}/payload", "boom"));

        error.Message.ShouldContain($"symbolic link '{name}' points to '{target}', outside the project");
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../x")]
    public async Task CreateAsync_HardlinkPointingOut_IsRefused(string target)
    {
        var error = await RefusedAsync(HardlinkEntry("copy", target));

        error.Message.ShouldContain($"hard link 'copy' points to '{target}', outside the project");
    }

    [Fact]
    public async Task CreateAsync_HardlinkToNothingEarlier_IsRefused()
    {
        var error = await RefusedAsync(HardlinkEntry("copy", "later.py"), FileEntry("later.py", ""));

        error.Message.ShouldContain("which is not a file earlier in the archive");
    }

    [Fact]
    public async Task CreateAsync_DeviceEntry_IsRefused()
    {
        var error = await RefusedAsync(new PaxTarEntry(TarEntryType.CharacterDevice, "null"));

        error.Message.ShouldContain("may hold only files, directories and links");
    }

    [Fact]
    public async Task CreateAsync_MetadataHeaderClaimingGigabytes_IsRefusedBeforeTarReaderAllocatesIt()
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(PaxHeaderClaiming(1_900_000_000)));

        error.Message.ShouldContain("metadata header of 1900000000 bytes");
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public async Task CreateAsync_LongNames_AreUnpacked(TarEntryFormat format)
    {
        var name = string.Join('/', Enumerable.Repeat("a_rather_long_directory_name", 8)) + "/mod.py";
        TarEntry entry = format == TarEntryFormat.Gnu
            ? new GnuTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("v = 1\n"u8.ToArray()) }
            : FileEntry(name, "v = 1\n");

        using var workspace = await CreateAsync(Build(entry));

        File.ReadAllText(Path.Combine(workspace.Directory, name)).ShouldBe("v = 1\n");
    }

    [Fact]
    public async Task CreateAsync_TooManyEntries_IsRefused()
    {
        UseLimits(options => options.MaxEntries = 3);

        var error = await RefusedAsync(FileEntry("a", ""), FileEntry("b", ""), FileEntry("c", ""), FileEntry("d", ""));

        error.Message.ShouldContain("more than 3 entries (Sources:MaxEntries)");
    }

    [Fact]
    public async Task CreateAsync_TooLargeUnpacked_IsRefusedBeforeWriting()
    {
        UseLimits(options => options.MaxUnpackedBytes = 1000);

        var error = await RefusedAsync(FileEntry("small", new string('a', 600)), FileEntry("big", new string('b', 600)));

        error.Message.ShouldContain("unpacks to more than 1000 bytes (Sources:MaxUnpackedBytes)");
    }

    [Fact]
    public async Task CreateAsync_HardlinkCopiesCountTowardsTheSize()
    {
        UseLimits(options => options.MaxUnpackedBytes = 1000);

        var error = await RefusedAsync(FileEntry("a", new string('a', 600)), HardlinkEntry("b", "a"));

        error.Message.ShouldContain("unpacks to more than 1000 bytes");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("not-a-tar")]
    public async Task CreateAsync_CorruptArchive_SaysItIsNotATarGz(string kind)
    {
        var good = Build(FileEntry("a.py", new string('x', 5000)), FileEntry("b.py", "y"));
        var bytes = kind switch
        {
            "garbage" => RandomNumberGenerator.GetBytes(2048),
            "truncated" => good[..(good.Length / 2)],
            _ => Gzip(System.Text.Encoding.UTF8.GetBytes("this is plain text, not a tar stream; ".PadRight(2048, '.'))),
        };

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(bytes));

        error.Message.ShouldContain("is not a valid tar.gz file");
    }

    [Fact]
    public async Task CreateAsync_ContentNotMatchingItsName_IsRefused()
    {
        var claimed = Convert.ToHexStringLower(SHA256.HashData("something else"u8));
        Directory.CreateDirectory(_host.ArchiveRoot);
        await File.WriteAllBytesAsync(Path.Combine(_host.ArchiveRoot, $"{claimed}.tar.gz"), Build(FileEntry("a.py", "")));

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(claimed));

        error.Message.ShouldContain($"archive {claimed} is damaged");
    }

    [Fact]
    public async Task CreateAsync_NeverUploaded_SaysToUploadIt()
    {
        var sha = new string('a', 64);

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(sha));

        error.Message.ShouldContain("was not uploaded");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task CreateAsync_MalformedSha_IsRefused(string sha) =>
        await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(sha));
}
