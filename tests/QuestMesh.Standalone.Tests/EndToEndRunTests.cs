using System.Diagnostics;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>A whole run, every service and the saga in one process, on a small real module.</summary>
public sealed class EndToEndRunTests : IDisposable
{
    private static readonly string[] SeedArtifacts =
    [
        "context.json", "target_code.py", "events.log", "run_summary.json",
        "attempt_0.request.json", "attempt_0.test_src.py", "attempt_0.llm_metadata.json", "attempt_0.static.json",
        "attempt_0.pre_reliability.json", "attempt_0.response.json", "attempt_0.post_reliability.json",
        "attempt_0.critique.json", "attempt_0.metrics.json",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("qm-e2e-").FullName;
    private string Project => Path.Combine(_root, "project");
    private string Output => Path.Combine(_root, "out");

    public EndToEndRunTests()
    {
        Directory.CreateDirectory(Path.Combine(Project, "calc"));
        File.WriteAllText(Path.Combine(Project, "calc", "__init__.py"), "");
        File.WriteAllText(Path.Combine(Project, "calc", "grades.py"), """
            PASS_MARK = 50


            def grade(score: int) -> str:
                if score < 0 or score > 100:
                    raise ValueError("score must be between 0 and 100")
                if score >= 90:
                    return "A"
                if score >= 70:
                    return "B"
                if score >= PASS_MARK:
                    return "C"
                return "F"


            def average(scores: list) -> float:
                if not scores:
                    return 0.0
                return sum(scores) / len(scores)
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Run_SmallModule_WritesAProvenSuiteAndEverySeedArtifact()
    {
        var console = new CliConsole();

        var code = await CliApp.RunAsync(
            ["run", Project, "--file", "calc/grades.py", "--out", Output, "--budget", "5", "--max-attempts", "2"],
            console.Console, CancellationToken.None);

        code.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        console.Output.ShouldContain("attempt");
        console.Output.ShouldContain("finished:");
        foreach (var name in SeedArtifacts)
            File.Exists(Path.Combine(Output, name)).ShouldBeTrue($"artifact {name} is missing");
        File.ReadAllText(Path.Combine(Output, "events.log")).ShouldContain("state=");

        var suite = Directory.GetFiles(Path.Combine(Output, "final"), "*.py", SearchOption.AllDirectories).ShouldHaveSingleItem();
        var relative = Path.GetRelativePath(Path.Combine(Output, "final"), suite);
        var copy = Path.Combine(Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(suite, copy);
        var pytest = RunPytest(Project, relative);
        pytest.ExitCode.ShouldBe(0, pytest.Output);
        pytest.Output.ShouldContain("passed");
    }

    private static (int ExitCode, string Output) RunPytest(string project, string testFile)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "pytest", "-q", "-p", "no:cacheprovider", testFile })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
