namespace QuestMesh.Standalone.Tests;

/// <summary><c>--out</c> is checked before the run: a writable folder, outside the project.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TempProject _folder = new();
    private string Project => _folder.Project;
    private string Root => _folder.Root;

    public OutputFolderTests()
    {
        _folder.Write("pkg/good.py", "def f(x):\n    return x + 1\n");
        File.WriteAllText(Path.Combine(Root, "notes.txt"), "hello\n");
    }

    public void Dispose() => _folder.Dispose();

    private Task<string> Refused(string output, string expected) =>
        CliRun.ShouldBeRefused(expected, "run", Project, "--file", "pkg/good.py", "--out", output);

    [Fact]
    public Task Run_OutIsAnExistingFile_ExitsTwo() =>
        Refused(Path.Combine(Root, "notes.txt"), "is an existing file, not a folder");

    [Fact]
    public Task Run_OutBelowAFile_ExitsTwo() =>
        Refused(Path.Combine(Root, "notes.txt", "run"), "cannot be created: '" + Path.Combine(Root, "notes.txt") + "' is not a folder");

    [Fact]
    public Task Run_OutInProc_ExitsTwo() =>
        Refused("/proc/x", "--out '/proc/x' is not writable: no folder can be created in '/proc'");

    [Theory]
    [InlineData("artifacts")]
    [InlineData("pkg/out")]
    [InlineData("")]
    public Task Run_OutInsideTheProject_ExitsTwo(string relative) =>
        Refused(Path.Combine(Project, relative), "is inside the project directory");

    [Fact]
    public Task Run_OutLinkedIntoTheProject_ExitsTwo()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "shortcut"), Path.Combine(Project, "pkg"));

        return Refused(Path.Combine(Root, "shortcut", "run"), "is inside the project directory");
    }

    [Fact]
    public void Run_OutIsCheckedBeforeAnythingIsCreated()
    {
        var output = Path.Combine(Root, "new", "deeper");

        var input = Cli.RunInputValidator.Validate(Project, "pkg/good.py", new Contracts.RunSettings(), output);

        input.OutputDirectory.ShouldBe(output);
        Directory.Exists(Path.Combine(Root, "new")).ShouldBeFalse();
        Directory.GetFileSystemEntries(Root).Length.ShouldBe(2);
    }
}
