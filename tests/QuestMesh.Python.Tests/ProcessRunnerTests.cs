using System.Diagnostics;
using QuestMesh.Python;

namespace QuestMesh.Python.Tests;

public class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new();

    private static ProcessSpec Shell(string script, TimeSpan? timeout = null, int maxOutput = 1024 * 1024,
        IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        FileName = "/bin/sh",
        Arguments = ["-c", script],
        WorkingDirectory = Path.GetTempPath(),
        Environment = environment ?? new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        MaxOutputChars = maxOutput,
    };

    [Fact]
    public async Task RunAsync_ExitCodeAndOutput_AreReadAsTheyAre()
    {
        var result = await _runner.RunAsync(Shell("echo out; echo err >&2; exit 3"));

        result.ExitCode.ShouldBe(3);
        result.StandardOutput.Trim().ShouldBe("out");
        result.StandardError.Trim().ShouldBe("err");
        result.TimedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_StandardInput_ReachesTheChild()
    {
        var result = await _runner.RunAsync(Shell("cat") with { StandardInput = "{\"a\": 1}" });

        result.StandardOutput.ShouldBe("{\"a\": 1}");
    }

    [Fact]
    public async Task RunAsync_PastTheTimeout_KillsTheWholeProcessGroup()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"qm-pid-{Guid.NewGuid():N}");
        var stopwatch = Stopwatch.StartNew();

        var result = await _runner.RunAsync(Shell($"sleep 60 & echo $! > {marker}; wait", TimeSpan.FromSeconds(1)));

        result.TimedOut.ShouldBeTrue();
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        var grandchild = int.Parse(File.ReadAllText(marker).Trim());
        File.Delete(marker);
        IsRunning(grandchild).ShouldBeFalse("the background child of the timed-out process must be killed too");
    }

    // A killed process whose parent is gone may linger as a zombie until init reaps it; that is not running.
    private static bool IsRunning(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
            return false;
        var state = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) ?? "";
        return !state.Contains('Z') && !state.Contains('X');
    }

    [Fact]
    public async Task RunAsync_LargeOutput_IsCapped()
    {
        var result = await _runner.RunAsync(Shell("yes x | head -c 200000", maxOutput: 1000));

        result.StandardOutput.Length.ShouldBe(1000);
        result.OutputTruncated.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_Environment_IsOnlyWhatTheSpecGives()
    {
        Environment.SetEnvironmentVariable("QUESTMESH_TEST_SECRET", "s3cret");

        var result = await _runner.RunAsync(Shell("env"));

        result.StandardOutput.ShouldNotContain("QUESTMESH_TEST_SECRET");
        result.StandardOutput.ShouldContain("PATH=/usr/bin:/bin");
    }

    [Fact]
    public async Task RunAsync_MissingProgram_SaysWhichOne()
    {
        var spec = Shell("true") with { FileName = "/nonexistent/python9" };

        var result = await _runner.RunAsync(spec);

        // setsid reports the missing program itself with exit code 127 (command not found).
        result.ExitCode.ShouldBe(127);
        result.StandardError.ShouldContain("/nonexistent/python9");
    }
}
