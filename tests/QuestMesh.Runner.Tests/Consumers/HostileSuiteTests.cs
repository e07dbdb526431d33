using QuestMesh.Runner.Tests.Support;
using System.Net;
using System.Net.Sockets;
using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Consumers;

/// <summary>
/// Generated suites that try to harm the runner, sent as <see cref="ExecuteTests"/> through the bus: each
/// is contained, reported as what it is, and the same runner then executes a good suite as usual.
/// Each hostile test asserts that its attack worked, so a test that passes is a sandbox escape.
/// </summary>
public sealed class HostileSuiteTests : IAsyncLifetime
{
    private const string SecretName = "QUESTMESH_HOSTILE_TEST_SECRET";
    private static readonly string Secret = $"s3cret-{Guid.NewGuid():N}";

    private readonly PythonProject _project = PythonProject.Create(("calc.py", PythonProject.Calc));
    private readonly DirectoryInfo _hostDirectory = Directory.CreateTempSubdirectory("questmesh-hostile-host-");
    private ServiceTestHost _host = null!;
    private System.Diagnostics.Process _secretHolder = null!;

    public async Task InitializeAsync()
    {
        // Set on the runner's own process, as a real API key would be. SetEnvironmentVariable never reaches
        // /proc/<pid>/environ, so a process holding the secret in its real environment stands beside it.
        Environment.SetEnvironmentVariable(SecretName, Secret);
        var holder = new System.Diagnostics.ProcessStartInfo("/bin/sleep", "600") { UseShellExecute = false };
        holder.Environment[SecretName] = Secret;
        _secretHolder = System.Diagnostics.Process.Start(holder)!;
        _host = await ServiceTestHost.StartAsync(b => b.AddRunner(), new Dictionary<string, string?>
        {
            // Short limits keep the file fast: the loop meets the wall clock, the bombs meet small caps.
            ["Runner:ExecutionTimeoutSeconds"] = "10",
            ["Runner:FlakyRuns"] = "0",
            ["Python:CpuSeconds"] = "30",
            ["Python:MemoryMiB"] = "1024",
            ["Sandbox:MaxProcesses"] = "64",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _secretHolder.Kill();
        _secretHolder.Dispose();
        Environment.SetEnvironmentVariable(SecretName, null);
        _project.Dispose();
        _hostDirectory.Delete(recursive: true);
    }

    [Fact]
    public async Task Should_fail_tests_that_open_sockets_to_the_runners_host()
    {
        // Only the host's own loopback is ever a target here: a sandbox that let these through would
        // reach the listener and the datagram socket below.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var datagrams = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var udpPort = ((IPEndPoint)datagrams.Client.LocalEndPoint!).Port;

        var report = await ExecuteAsync($$"""
            import socket


            def test_connects_to_the_runners_loopback():
                socket.create_connection(("127.0.0.1", {{port}}), timeout=2).close()


            def test_sends_a_datagram_to_the_runners_loopback():
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
                    sender.sendto(b"escaped", ("127.0.0.1", {{udpPort}}))
                assert False, "sent; the host side says whether it arrived"
            """);

        ShouldAllFail(report, 2);
        listener.Pending().ShouldBeFalse("a connection from the sandbox reached the runner's loopback");
        datagrams.Available.ShouldBe(0, "a datagram from the sandbox reached the runner's loopback");
        await ShouldKeepServingAsync();
    }

    [Fact]
    public async Task Should_not_show_the_runners_secrets_to_a_test()
    {
        // Everything the test can see is printed, so a leak would land in the report's output.
        var report = await ExecuteAsync($$"""
            import glob
            import os


            def test_reads_the_runners_secret():
                print(sorted(os.environ.items()))
                for path in glob.glob("/proc/*/environ"):
                    try:
                        print(path, open(path, "rb").read())
                    except OSError as error:
                        print(path, error)
                assert "{{SecretName}}" in os.environ
            """);

        ShouldAllFail(report, 1);
        ShouldNotLeak(report, Secret);
        await ShouldKeepServingAsync();
    }

    [Fact]
    public async Task Should_fail_tests_that_write_outside_the_workspace()
    {
        var hostFile = Path.Combine(_hostDirectory.FullName, "escaped.txt");

        var report = await ExecuteAsync($$"""
            import pytest


            @pytest.mark.parametrize("path", ["{{hostFile}}", "/usr/questmesh-escaped.txt", "/etc/questmesh-escaped.txt"])
            def test_writes_outside(path):
                with open(path, "w") as handle:
                    handle.write("escaped")
            """);

        ShouldAllFail(report, 3);
        File.Exists(hostFile).ShouldBeFalse();
        File.Exists("/usr/questmesh-escaped.txt").ShouldBeFalse();
        File.Exists("/etc/questmesh-escaped.txt").ShouldBeFalse();
        await ShouldKeepServingAsync();
    }

    [Fact]
    public async Task Should_stop_a_fork_bomb()
    {
        var report = await ExecuteAsync("""
            import os


            def test_forks_without_end():
                while True:
                    os.fork()
            """);

        // fork fails once the sandbox user has Sandbox:MaxProcesses processes; the children that fail
        // end there, and only the first process reports.
        ShouldAllFail(report, 1);
        report.Tests[0].ErrorType.ShouldBe("BlockingIOError");
        await ShouldKeepServingAsync();
    }

    [Fact]
    public async Task Should_time_out_a_test_that_loops_forever()
    {
        var report = await ExecuteAsync("""
            def test_loops_forever():
                while True:
                    pass
            """);

        report.Status.ShouldBe(ExecutionStatus.Timeout);
        report.TestError.ShouldNotBeNullOrWhiteSpace();
        report.Tests.ShouldHaveSingleItem().ErrorType.ShouldBe("Timeout");
        await ShouldKeepServingAsync();
    }

    [Fact]
    public async Task Should_fail_a_test_that_allocates_without_bound()
    {
        var report = await ExecuteAsync("""
            def test_allocates_without_bound():
                blocks = []
                while True:
                    blocks.append(bytearray(64 * 1024 * 1024))
            """);

        ShouldAllFail(report, 1);
        report.Tests[0].ErrorType.ShouldBe("MemoryError");
        await ShouldKeepServingAsync();
    }

    private async Task<ExecutionReport> ExecuteAsync(string suite)
    {
        var command = RunnerCommands.Execute(_project, suite, "tests/test_hostile.py") with { Mutation = false };
        await _host.Harness.Bus.Publish(command);
        var reply = await _host.ReplyAsync<TestsExecuted, ExecuteTests>(r => r.StepId == command.StepId);
        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
        return reply.Report;
    }

    /// <summary>The runner still answers, with the full report, for an ordinary suite.</summary>
    private async Task ShouldKeepServingAsync()
    {
        var report = await ExecuteAsync(PythonProject.PassingSuite);

        report.Status.ShouldBe(ExecutionStatus.Passed, report.TestError);
        report.Tests.Count.ShouldBe(2);
        report.Coverage.ShouldNotBeNull().Percent.ShouldBe(100.0);
    }

    private static void ShouldAllFail(ExecutionReport report, int count)
    {
        report.Status.ShouldBe(ExecutionStatus.Failed, report.TestError ?? report.Stdout);
        report.Tests.Count.ShouldBe(count);
        report.Tests.ShouldAllBe(t => t.Outcome == "failed", report.Stdout);
    }

    private static void ShouldNotLeak(ExecutionReport report, string secret)
    {
        report.Stdout.ShouldNotContain(secret);
        report.Stderr.ShouldNotContain(secret);
        foreach (var test in report.Tests)
        {
            (test.Message ?? "").ShouldNotContain(secret);
            (test.Traceback ?? "").ShouldNotContain(secret);
        }
    }
}
