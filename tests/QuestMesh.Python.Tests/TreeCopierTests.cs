using System.Runtime.Versioning;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

/// <summary>Folder projects are copied as regular files and folders only, within limits, and never from outside the project.</summary>
[SupportedOSPlatform("linux")]
public sealed class TreeCopierTests : IDisposable
{
    private static readonly TreeLimits Generous = new(MaxBytes: 10 << 20, MaxEntries: 1000, MaxDepth: 16, MaxFileBytes: 1 << 20);

    private readonly string _project = Directory.CreateTempSubdirectory("qm-tree-src-").FullName;
    private readonly string _copy = Directory.CreateTempSubdirectory("qm-tree-dst-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("qm-tree-outside-").FullName;

    public TreeCopierTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "pkg"));
        File.WriteAllText(Path.Combine(_project, "pkg", "mod.py"), "x = 1\n");
        File.WriteAllText(Path.Combine(_outside, "private.txt"), "not yours\n");
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _project, _copy, _outside })
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Copy_SkipsAndListsAFifo_WithoutBlocking()
    {
        MakeFifo(Path.Combine(_project, "pkg", "pipe"));

        var result = TreeCopier.Copy(_project, _copy, Generous);

        result.Skipped.ShouldContain("pkg/pipe (a FIFO, not a regular file)");
        File.Exists(Path.Combine(_copy, "pkg", "pipe")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(_copy, "pkg", "mod.py")).ShouldBe("x = 1\n");
    }

    [Fact]
    public void Copy_SkipsADeviceThatWouldNeverEnd()
    {
        // /dev/zero reached through a link: the copy must not read from it.
        File.CreateSymbolicLink(Path.Combine(_project, "zero"), "/dev/zero");

        var result = TreeCopier.Copy(_project, _copy, Generous);

        result.Skipped.ShouldContain("zero (a link out of the project)");
        result.Bytes.ShouldBe(6);
    }

    [Fact]
    public void Copy_LeavesOutLinksOutOfTheProject()
    {
        File.CreateSymbolicLink(Path.Combine(_project, "root"), "/");
        File.CreateSymbolicLink(Path.Combine(_project, "stolen.txt"), Path.Combine(_outside, "private.txt"));

        var result = TreeCopier.Copy(_project, _copy, Generous);

        result.Skipped.ShouldBe(["root (a link out of the project)", "stolen.txt (a link out of the project)"], ignoreOrder: true);
        Directory.EnumerateFileSystemEntries(_copy).Select(Path.GetFileName).ShouldBe(["pkg"]);
    }

    [Fact]
    public void Copy_FollowsLinksThatStayInsideTheProject_AsPlainFiles()
    {
        File.CreateSymbolicLink(Path.Combine(_project, "alias.py"), Path.Combine("pkg", "mod.py"));
        File.CreateSymbolicLink(Path.Combine(_project, "pkg", "loop"), "..");

        var result = TreeCopier.Copy(_project, _copy, Generous);

        var alias = Path.Combine(_copy, "alias.py");
        File.ReadAllText(alias).ShouldBe("x = 1\n");
        new FileInfo(alias).LinkTarget.ShouldBeNull();
        result.Skipped.ShouldBe(["pkg/loop (a link to a folder that contains it)"]);
    }

    [Theory]
    [InlineData("bytes", "larger than 1 MiB (Sources:MaxUnpackedBytes)")]
    [InlineData("entries", "more than 3 files and folders (Sources:MaxEntries)")]
    [InlineData("depth", "more than 2 folders deep (Sources:MaxDepth)")]
    [InlineData("file", "larger than one project file may be (1 MiB, Sources:MaxFileBytes)")]
    public void Copy_PastALimit_FailsWithTheSettingsName(string limit, string expected)
    {
        var limits = limit switch
        {
            "bytes" => Generous with { MaxBytes = 1 << 20, MaxFileBytes = 10 << 20 },
            "entries" => Generous with { MaxEntries = 3 },
            "depth" => Generous with { MaxDepth = 2 },
            _ => Generous,
        };
        Directory.CreateDirectory(Path.Combine(_project, "a", "b", "c", "d"));
        File.WriteAllBytes(Path.Combine(_project, "big.bin"), new byte[(1 << 20) + 1]);

        var error = Should.Throw<WorkspaceException>(() => TreeCopier.Copy(_project, _copy, limits));

        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/proc")]
    [InlineData("/proc/self")]
    [InlineData("/usr")]
    public void Copy_RefusesSystemFolders(string folder)
    {
        var error = Should.Throw<WorkspaceException>(() => TreeCopier.Copy(folder, _copy, Generous));

        error.Message.ShouldContain("is a system folder");
        Directory.EnumerateFileSystemEntries(_copy).ShouldBeEmpty();
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }
}
