using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>A run that cannot write its artifacts ends with one line and exit 1; it never leaves the command waiting.</summary>
public sealed class RunInterruptionTests : IDisposable
{
    private readonly TempProject _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_ArtifactCannotBeWritten_EndsWithExitOneAndOneLine()
    {
        _folder.Write("calc.py", "def f(x):\n    return x + 1\n");
        var output = Path.Combine(_folder.Root, "out");
        // A folder where a file must go: the write fails for every user, root included.
        foreach (var name in new[] { "events.log", "context.json", "target_code.py", "run_summary.json", "attempt_0.request.json" })
            Directory.CreateDirectory(Path.Combine(output, name));

        var (code, lines) = await CliRun.Run("run", _folder.Project, "--file", "calc.py", "--out", output, "--budget", "1", "--max-attempts", "1");

        code.ShouldBe(ExitCodes.InternalError, string.Join('\n', lines));
        var stopped = lines.Where(l => l.Contains("the run stopped", StringComparison.Ordinal)).ShouldHaveSingleItem();
        stopped.ShouldContain($"cannot be written to {output}");
        lines.ShouldAllBe(l => !l.Contains("   at ", StringComparison.Ordinal));
    }
}
