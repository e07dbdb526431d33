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
}
