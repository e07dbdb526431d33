using QuestMesh.Contracts;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

public sealed class ProgressRendererTests
{
    [Theory]
    [InlineData("/tmp/out/final/test_x.py", "/tmp/out/final/test_x.py")]
    [InlineData("/tmp/my project/a.py", "'/tmp/my project/a.py'")]
    [InlineData("/tmp/it's/a.py", @"'/tmp/it'\''s/a.py'")]
    [InlineData("/tmp/$HOME;rm -rf x/a.py", "'/tmp/$HOME;rm -rf x/a.py'")]
    [InlineData("", "''")]
    public void Quote_PathsForAPosixShell(string path, string expected) =>
        ShellQuoting.Quote(path).ShouldBe(expected);

    [Fact]
    public void Completed_CopyCommandQuotesPathsWithSpaces()
    {
        var console = new CliConsole();
        var best = new AttemptFigures { Attempt = 0, Coverage = 100, MutationScore = 100, Tests = 1, Passed = 1, Status = "passed" };
        var completed = new RunCompleted
        {
            Reason = TerminationReasons.TargetsMet, Best = best, Attempts = [best], TargetsMet = true,
            Suite = new TestSuite("tests/test_mod.py", "def test_f():\n    pass\n"),
        };
        var input = new RunInput("/home/me/my project", "mod.py", new RunSettings(), null);

        new ProgressRenderer(console.Console).Completed(completed, "/tmp/runs/it's here", input);

        console.Lines.ShouldContain(@"use it    cp '/tmp/runs/it'\''s here/final/tests/test_mod.py' '/home/me/my project/tests/test_mod.py'");
    }
}
