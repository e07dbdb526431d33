using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("qm-cli-").FullName;

    public BadInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "pkg"));
        File.WriteAllText(Path.Combine(_project, "pkg", "good.py"), "def f(x):\n    return x + 1\n");
        File.WriteAllText(Path.Combine(_project, "pkg", "empty.py"), "\n  \n");
        File.WriteAllText(Path.Combine(_project, "pkg", "broken.py"), "def f(x:\n    return x\n");
        File.WriteAllText(Path.Combine(_project, "pkg", "notes.txt"), "hello\n");
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private async Task<(int Code, string[] Lines)> Run(params string[] args)
    {
        var console = new CliConsole();
        var code = await CliApp.RunAsync(args, console.Console, CancellationToken.None);
        return (code, console.Lines);
    }

    [Theory]
    [InlineData("/nonexistent/project", "pkg/good.py", "project directory '/nonexistent/project' does not exist")]
    [InlineData("{project}", "pkg/missing.py", "target file 'pkg/missing.py' does not exist")]
    [InlineData("{project}", "pkg/notes.txt", "'pkg/notes.txt' is not a Python file (.py)")]
    [InlineData("{project}", "pkg/empty.py", "'pkg/empty.py' is empty: there is nothing to test")]
    [InlineData("{project}", "../outside.py", "'../outside.py' is outside the project directory")]
    [InlineData("{project}", "pkg", "'pkg' is a directory; give one Python file with --file")]
    public async Task Run_BadInput_ExitsTwoWithOneClearLine(string project, string file, string expected)
    {
        var (code, lines) = await Run("run", project.Replace("{project}", _project), "--file", file);

        code.ShouldBe(ExitCodes.BadInput);
        lines.Length.ShouldBe(1);
        lines[0].ShouldContain(expected);
        lines[0].ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Run_TargetWithSyntaxError_ExitsTwoAndNamesTheLine()
    {
        var (code, lines) = await Run("run", _project, "--file", "pkg/broken.py");

        code.ShouldBe(ExitCodes.BadInput);
        lines.Last().ShouldContain("'pkg/broken.py' has a syntax error at line 1");
    }

    [Fact]
    public async Task Run_WithoutFile_ExitsTwo()
    {
        var (code, lines) = await Run("run", _project);

        code.ShouldBe(ExitCodes.BadInput);
        lines.Length.ShouldBe(1);
        lines[0].ShouldContain("--file");
    }

    [Theory]
    [InlineData("--max-attempts", "0", "--max-attempts must be between 1 and 50")]
    [InlineData("--target-coverage", "120", "--target-coverage must be a percentage between 0 and 100")]
    [InlineData("--strategy", "magic", "magic")]
    public async Task Run_BadSetting_ExitsTwo(string option, string value, string expected)
    {
        var (code, lines) = await Run("run", _project, "--file", "pkg/good.py", option, value);

        code.ShouldBe(ExitCodes.BadInput);
        lines.Length.ShouldBe(1);
        lines[0].ShouldContain(expected);
    }
}
