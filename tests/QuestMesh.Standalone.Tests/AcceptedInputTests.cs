using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>Valid Python that the input check once refused: other encodings, a BOM, a link inside the project.</summary>
public sealed class AcceptedInputTests : IDisposable
{
    private readonly TempProject _folder = new();
    private string Project => _folder.Project;

    public AcceptedInputTests()
    {
        _folder.Write("pkg/cafe.py", [.. "# -*- coding: latin-1 -*-\nNAME = 'caf"u8, 0xE9, .. "'\n\n\ndef is_cafe(x):\n    return x == NAME\n"u8]);
        _folder.Write("pkg/bom.py", [0xEF, 0xBB, 0xBF, .. "def g(y):\n    return y * 2\n"u8]);
        _folder.Write("pkg/real.py", "def h(z):\n    return z - 1\n");
        File.CreateSymbolicLink(Path.Combine(Project, "pkg", "alias.py"), "real.py");
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("pkg/cafe.py", "pkg/cafe.py")]
    [InlineData("pkg/bom.py", "pkg/bom.py")]
    [InlineData("pkg/alias.py", "pkg/real.py")]
    public async Task Run_ValidPythonTheOldCheckRefused_StartsARunOnTheRealFile(string file, string tested)
    {
        var (code, lines) = await CliRun.Run("run", Project, "--file", file, "--out", Path.Combine(_folder.Root, "out"),
            "--budget", "1", "--max-attempts", "1", "--max-mutants", "5");

        code.ShouldNotBe(ExitCodes.BadInput, string.Join('\n', lines));
        lines.ShouldContain(l => l.StartsWith("QuestMesh run", StringComparison.Ordinal));
        lines.ShouldContain($"target   {tested} in {Project}");
    }
}
