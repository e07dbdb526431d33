using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

public sealed class WorkspaceTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("qm-project-").FullName;
    private readonly WorkspaceProvider _provider = new(Options.Create(new PythonOptions()));

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void Create_PathSource_CopiesTheProjectButNotItsCaches()
    {
        Directory.CreateDirectory(Path.Combine(_project, "pkg", "__pycache__"));
        Directory.CreateDirectory(Path.Combine(_project, ".git"));
        File.WriteAllText(Path.Combine(_project, "pkg", "mod.py"), "x = 1\n");
        File.WriteAllText(Path.Combine(_project, "pkg", "__pycache__", "mod.pyc"), "");
        File.WriteAllText(Path.Combine(_project, ".git", "HEAD"), "");

        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = _project });

        File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "mod.py")).ShouldBe("x = 1\n");
        Directory.Exists(Path.Combine(workspace.Directory, "pkg", "__pycache__")).ShouldBeFalse();
        Directory.Exists(Path.Combine(workspace.Directory, ".git")).ShouldBeFalse();
    }

    [Fact]
    public void Create_PathSource_WritesNeverTouchTheOriginal()
    {
        File.WriteAllText(Path.Combine(_project, "mod.py"), "x = 1\n");

        using (var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = _project }))
            workspace.WriteFile("mod.py", "x = 2\n");

        File.ReadAllText(Path.Combine(_project, "mod.py")).ShouldBe("x = 1\n");
    }

    [Fact]
    public void Create_PathSourceWithRoot_CopiesOnlyThatFolderAsTheProject()
    {
        Directory.CreateDirectory(Path.Combine(_project, "backend", "pkg"));
        File.WriteAllText(Path.Combine(_project, "backend", "pkg", "mod.py"), "x = 1\n");
        File.WriteAllText(Path.Combine(_project, "setup.py"), "");

        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = _project, Root = "backend" });

        File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "mod.py")).ShouldBe("x = 1\n");
        File.Exists(Path.Combine(workspace.Directory, "setup.py")).ShouldBeFalse();
    }

    [Fact]
    public void Create_InlineSourceWithRoot_WritesTheFilesBelowItOnly()
    {
        using var workspace = _provider.Create(new SourceSpec
        {
            Kind = SourceKinds.Inline,
            Root = "backend",
            Files = [new InlineFile("backend/pkg/mod.py", "x = 1\n"), new InlineFile("frontend/app.js", "")],
        });

        File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "mod.py")).ShouldBe("x = 1\n");
        Directory.EnumerateFileSystemEntries(workspace.Directory).Select(Path.GetFileName).ShouldBe(["pkg"]);
    }

    [Theory]
    [InlineData("missing", "has no folder 'missing'")]
    [InlineData("../", "outside the project")]
    [InlineData("link", "leads out of the source")]
    public void Create_RootMissingOrOutsideTheSource_IsRefused(string root, string expected)
    {
        var outside = Directory.CreateTempSubdirectory("qm-outside-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(_project, "link"), outside);
            var error = Should.Throw<WorkspaceException>(() =>
                _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = _project, Root = root }));
            error.Message.ShouldContain(expected);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Dispose_RemovesTheWorkspace()
    {
        var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("a/b.py", "y = 2\n")] });
        File.Exists(Path.Combine(workspace.Directory, "a", "b.py")).ShouldBeTrue();

        workspace.Dispose();

        Directory.Exists(workspace.Directory).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../escape.py")]
    [InlineData("a/../../escape.py")]
    [InlineData("/etc/passwd")]
    public void Create_InlineFileOutsideTheRoot_IsRefused(string path)
    {
        var error = Should.Throw<WorkspaceException>(() =>
            _provider.Create(new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile(path, "")] }));

        error.Message.ShouldContain(path);
    }

    [Fact]
    public void Create_MissingDirectory_SaysWhichOne()
    {
        var error = Should.Throw<WorkspaceException>(() =>
            _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = "/nonexistent/project" }));

        error.Message.ShouldContain("/nonexistent/project");
    }

    [Fact]
    public void WriteFile_ReplacesAPlantedLink_AndNeverWritesThroughIt()
    {
        var victim = Path.Combine(_project, "victim.txt");
        File.WriteAllText(victim, "the user's file\n");
        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("tests/test_a.py", "")] });
        var suite = Path.Combine(workspace.Directory, "tests", "test_a.py");
        File.Delete(suite);
        File.CreateSymbolicLink(suite, victim);

        workspace.WriteFile("tests/test_a.py", "def test_a():\n    pass\n");

        File.ReadAllText(victim).ShouldBe("the user's file\n");
        new FileInfo(suite).LinkTarget.ShouldBeNull();
        File.ReadAllText(suite).ShouldBe("def test_a():\n    pass\n");
    }

    [Fact]
    public void WriteFile_RefusesAFolderThatIsALink()
    {
        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("a.py", "")] });
        Directory.CreateSymbolicLink(Path.Combine(workspace.Directory, "tests"), _project);

        Should.Throw<WorkspaceException>(() => workspace.WriteFile("tests/test_a.py", "x = 1\n"));

        File.Exists(Path.Combine(_project, "test_a.py")).ShouldBeFalse();
    }

    [Fact]
    public void ReadFile_DoesNotFollowALink()
    {
        File.WriteAllText(Path.Combine(_project, "secret.txt"), "secret\n");
        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("a.py", "x = 1\n")] });
        File.CreateSymbolicLink(Path.Combine(workspace.Directory, "b.py"), Path.Combine(_project, "secret.txt"));

        workspace.ReadFile("a.py").ShouldBe("x = 1\n");
        workspace.ReadFile("b.py").ShouldBeNull();
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Create_MakesAFolderOnlyTheServiceCanEnter()
    {
        File.WriteAllText(Path.Combine(_project, "mod.py"), "x = 1\n");

        using var workspace = _provider.Create(new SourceSpec { Kind = SourceKinds.Path, Path = _project });

        File.GetUnixFileMode(workspace.Directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
