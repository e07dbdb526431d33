namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>A whole-repository run refuses bad input with exit 2 and one line, before any work.</summary>
public sealed class RepositoryBadInputTests : IDisposable
{
    private readonly TempProject _folder = new();

    public RepositoryBadInputTests() => _folder.Write("pkg/good.py", "def f(x):\n    return x + 1\n");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--min-coverage", "120", "--min-coverage must be a percentage between 0 and 100, not 120")]
    [InlineData("--min-coverage", "lots", "--min-coverage expects a number, not 'lots'")]
    [InlineData("--min-delta", "-101", "--min-delta must be between -100 and 100 points")]
    [InlineData("--max-modules", "-1", "--max-modules must be 0")]
    [InlineData("--module-budget", "5", "--module-budget must be between 10 and 86400 seconds")]
    [InlineData("--parallel", "0", "--parallel must be between 1 and 64 module runs at once")]
    [InlineData("--push-branch", "two..dots", "--push-branch 'two..dots' is not a branch name git accepts")]
    [InlineData("--push-branch", "questmesh", "--push-branch needs a git repository")]
    public Task Run_BadRepositoryOption_ExitsTwo(string option, string value, string expected) =>
        CliRun.ShouldBeRefused(expected, "run", _folder.Project, option, value);

    [Fact]
    public Task Run_RepositoryOptionWithFile_ExitsTwo() =>
        CliRun.ShouldBeRefused("--min-coverage applies to whole-repository runs (without --file)",
            "run", _folder.Project, "--file", "pkg/good.py", "--min-coverage", "50");

    [Fact]
    public async Task Run_FolderWithoutPython_SaysSoAndExitsTwo()
    {
        var empty = Path.Combine(_folder.Root, "web");
        Directory.CreateDirectory(Path.Combine(empty, "frontend"));
        File.WriteAllText(Path.Combine(empty, "frontend", "app.js"), "export const x = 1;\n");

        await CliRun.ShouldBeRefused("no Python code found", "run", empty);
    }
}
