using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>Valid Python that the input check once refused: other encodings, a BOM, a link inside the project.</summary>
public sealed class AcceptedInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qm-ok-").FullName;
    private string Project => Path.Combine(_root, "project");

    public AcceptedInputTests()
    {
        Directory.CreateDirectory(Path.Combine(Project, "pkg"));
        File.WriteAllBytes(Path.Combine(Project, "pkg", "cafe.py"),
            [.. "# -*- coding: latin-1 -*-\nNAME = 'caf"u8, 0xE9, .. "'\n\n\ndef is_cafe(x):\n    return x == NAME\n"u8]);
        File.WriteAllBytes(Path.Combine(Project, "pkg", "bom.py"), [0xEF, 0xBB, 0xBF, .. "def g(y):\n    return y * 2\n"u8]);
        File.WriteAllText(Path.Combine(Project, "pkg", "real.py"), "def h(z):\n    return z - 1\n");
        File.CreateSymbolicLink(Path.Combine(Project, "pkg", "alias.py"), "real.py");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("pkg/cafe.py", "pkg/cafe.py")]
    [InlineData("pkg/bom.py", "pkg/bom.py")]
    [InlineData("pkg/alias.py", "pkg/real.py")]
    public async Task Run_ValidPythonTheOldCheckRefused_StartsARunOnTheRealFile(string file, string tested)
    {
        var (code, lines) = await CliRun.Run("run", Project, "--file", file, "--out", Path.Combine(_root, "out"),
            "--budget", "1", "--max-attempts", "1", "--max-mutants", "5");

        code.ShouldNotBe(ExitCodes.BadInput, string.Join('\n', lines));
        lines.ShouldContain(l => l.StartsWith("QuestMesh run", StringComparison.Ordinal));
        lines.ShouldContain($"target   {tested} in {Project}");
    }
}
