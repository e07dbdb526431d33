using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Python.Tests;

/// <summary>Hostile code run through the sandbox is contained, and the caller goes on.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("qm-sbx-ws-").FullName;
    private readonly string _home = Directory.CreateTempSubdirectory("qm-sbx-home-").FullName;
    private readonly ProcessRunner _runner = new();
    private readonly Sandbox _sandbox;

    public SandboxTests()
    {
        _sandbox = new Sandbox(Options.Create(new SandboxOptions { MaxProcesses = 64 }), _runner, NullLogger<Sandbox>.Instance);
    }

    public void Dispose()
    {
        Directory.Delete(_workspace, recursive: true);
        Directory.Delete(_home, recursive: true);
    }

    private async Task<ProcessResult> RunPython(string code, TimeSpan? timeout = null, int memoryMiB = 512)
    {
        var environment = PythonEnvironment.BaseEnvironment(_home);
        var spec = new ProcessSpec
        {
            FileName = "/usr/bin/python3",
            Arguments = ["-c", code],
            WorkingDirectory = _workspace,
            Environment = environment,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        var wrapped = await _sandbox.WrapAsync(spec, new SandboxScope { Writable = [_workspace, _home], CpuSeconds = 30, MemoryMiB = memoryMiB }, CancellationToken.None);
        return await _runner.RunAsync(wrapped);
    }

    [Fact]
    public async Task Bubblewrap_IsUsedWhereItWorks()
    {
        (await _sandbox.UsesBubblewrapAsync(CancellationToken.None)).ShouldBeTrue("bubblewrap is installed by ./quest test; without it the isolation tests below prove less");
    }

    [Fact]
    public async Task Socket_CannotReachTheNetwork()
    {
        var result = await RunPython("""
            import socket
            try:
                socket.create_connection(("127.0.0.1", 9), timeout=2)
                print("connected")
            except OSError as error:
                print("blocked", error.errno)
            """);

        result.StandardOutput.ShouldStartWith("blocked");
    }

    [Fact]
    public async Task ServiceSecrets_AreNotInTheEnvironment()
    {
        Environment.SetEnvironmentVariable("QUESTMESH_SANDBOX_SECRET", "hunter2");

        var result = await RunPython("import os; print(sorted(os.environ.items()))");

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldNotContain("QUESTMESH_SANDBOX_SECRET");
        result.StandardOutput.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task WritesOutsideTheWorkspace_Fail_WritesInsideSucceed()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"qm-escape-{Guid.NewGuid():N}");

        var result = await RunPython($$"""
            for path in ["{{outside}}", "/usr/qm-escape", "/etc/qm-escape"]:
                try:
                    open(path, "w").write("x")
                    print("wrote", path)
                except OSError as error:
                    print("refused", path)
            open("inside.txt", "w").write("ok")
            print("inside ok")
            """);

        // /tmp inside the sandbox is a private tmpfs: the write may succeed there but never reaches the host.
        result.StandardOutput.ShouldContain("refused /usr/qm-escape");
        result.StandardOutput.ShouldContain("refused /etc/qm-escape");
        result.StandardOutput.ShouldContain("inside ok");
        File.Exists(outside).ShouldBeFalse();
        File.ReadAllText(Path.Combine(_workspace, "inside.txt")).ShouldBe("ok");
    }

    [Fact]
    public async Task ForkBomb_IsStoppedByTheProcessLimit()
    {
        var result = await RunPython("""
            import os, time
            children = 0
            try:
                for _ in range(10000):
                    if os.fork() == 0:
                        time.sleep(5)
                        os._exit(0)
                    children += 1
            except OSError:
                print("limited at", children)
            """, TimeSpan.FromSeconds(30));

        result.StandardOutput.ShouldContain("limited at");
        result.TimedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task EndlessLoop_IsKilledAtTheWallClockLimit()
    {
        var result = await RunPython("while True: pass", TimeSpan.FromSeconds(2));

        result.TimedOut.ShouldBeTrue();
        (await RunPython("print('next')")).StandardOutput.Trim().ShouldBe("next");
    }

    [Fact]
    public async Task UnboundedAllocation_FailsInsideTheSandbox()
    {
        var result = await RunPython("""
            blocks = []
            try:
                while True:
                    blocks.append(bytearray(64 * 1024 * 1024))
            except MemoryError:
                print("memory limited at", len(blocks) * 64, "MiB")
            """, memoryMiB: 512);

        result.StandardOutput.ShouldContain("memory limited at");
    }
}
