using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Sandboxing;

namespace QuestMesh.Python.Tests;

/// <summary>
/// Hostile code run through the sandbox is contained, and the caller goes on. The attacks that a
/// machine without a sandbox would let through are first run unsandboxed, to show that each probe
/// really detects the escape it looks for.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SandboxTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("qm-sbx-ws-").FullName;
    private readonly string _home = Directory.CreateTempSubdirectory("qm-sbx-home-").FullName;
    private readonly ProcessRunner _runner = new();
    private readonly Sandbox _sandbox;

    public SandboxTests()
    {
        _sandbox = new Sandbox(Options.Create(new SandboxOptions { MaxProcesses = 64, TmpMiB = 16, WorkspaceMiB = 64 }), _runner,
            NullLogger<Sandbox>.Instance);
    }

    public void Dispose()
    {
        Directory.Delete(_workspace, recursive: true);
        Directory.Delete(_home, recursive: true);
    }

    private ProcessSpec Python(string code, TimeSpan? timeout = null) => new()
    {
        FileName = "/usr/bin/python3",
        Arguments = ["-I", "-c", code],
        WorkingDirectory = _workspace,
        Environment = PythonEnvironment.BaseEnvironment(_home),
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    };

    private Task<ProcessResult> RunSandboxed(string code, TimeSpan? timeout = null, int memoryMiB = 512) =>
        _sandbox.RunAsync(Python(code, timeout), new SandboxScope { Workspace = _workspace, Home = _home, CpuSeconds = 30, MemoryMiB = memoryMiB },
            CancellationToken.None);

    private Task<ProcessResult> RunUnsandboxed(string code) => _runner.RunAsync(Python(code));

    private Task<ProcessResult> RunSandboxed(string code, SandboxScope scope) =>
        _sandbox.RunAsync(Python(code), scope with { Workspace = _workspace, Home = _home, CpuSeconds = 30, MemoryMiB = 512 }, CancellationToken.None);

    [Fact]
    public async Task Bubblewrap_IsUsedWhereItWorks()
    {
        (await _sandbox.UsesBubblewrapAsync(CancellationToken.None)).ShouldBeTrue("bubblewrap is installed by ./quest test; without it the isolation tests below prove less");
    }

    [Fact]
    public async Task Socket_CannotReachAListenerOnTheHost()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = $$"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {{port}}), timeout=2).close()
                print("connected")
            except OSError as error:
                print("blocked", error.errno)
            """;

        (await RunUnsandboxed(probe)).StandardOutput.ShouldStartWith("connected", customMessage: "the probe must reach the listener without a sandbox");
        using (var accepted = await listener.AcceptTcpClientAsync())
            accepted.Connected.ShouldBeTrue();

        var sandboxed = await RunSandboxed(probe);

        sandboxed.StandardOutput.ShouldStartWith("blocked");
        listener.Pending().ShouldBeFalse("a connection from the sandbox reached the host's loopback");
    }

    [Fact]
    public async Task Socket_ReachesTheHostOnlyWhenTheScopeGrantsTheNetwork()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = $$"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {{port}}), timeout=5).close()
                print("connected")
            except OSError as error:
                print("blocked", error.errno)
            """;

        var granted = await RunSandboxed(probe, new SandboxScope { Workspace = "", Home = "", Network = true });

        granted.StandardOutput.ShouldStartWith("connected", customMessage: granted.StandardError);
        using var accepted = await listener.AcceptTcpClientAsync();
        accepted.Connected.ShouldBeTrue();
    }

    [Fact]
    public async Task WritableFolder_IsWrittenInPlace_AndTakenBackReadableByAllWritableByNone()
    {
        var environment = Directory.CreateTempSubdirectory("qm-sbx-env-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(environment, "existing.txt"), "before\n");

            var result = await RunSandboxed($$"""
                import os
                os.makedirs("{{environment}}/lib/pkg")
                open("{{environment}}/lib/pkg/__init__.py", "w").write("ANSWER = 42\n")
                open("{{environment}}/existing.txt", "a").write("after\n")
                script = "{{environment}}/lib/run"
                open(script, "w").write("#!/bin/sh\n")
                os.chmod(script, 0o700)
                print("written")
                """, new SandboxScope { Workspace = "", Home = "", Writable = [environment] });

            result.StandardOutput.ShouldStartWith("written", customMessage: result.StandardError);
            File.ReadAllText(Path.Combine(environment, "lib", "pkg", "__init__.py")).ShouldBe("ANSWER = 42\n");
            File.ReadAllText(Path.Combine(environment, "existing.txt")).ShouldBe("before\nafter\n");
            const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.GetUnixFileMode(Path.Combine(environment, "lib", "pkg")).ShouldBe(folder);
            File.GetUnixFileMode(Path.Combine(environment, "lib", "pkg", "__init__.py"))
                .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.GetUnixFileMode(Path.Combine(environment, "lib", "run")).ShouldBe(folder);
            var owner = await _runner.RunAsync(new ProcessSpec
            {
                FileName = "/usr/bin/stat", Arguments = ["-c", "%u", Path.Combine(environment, "lib", "pkg", "__init__.py")], WorkingDirectory = "/",
            });
            var service = await _runner.RunAsync(new ProcessSpec { FileName = "/usr/bin/id", Arguments = ["-u"], WorkingDirectory = "/" });
            owner.StandardOutput.Trim().ShouldBe(service.StandardOutput.Trim(), "what the sandbox's user wrote belongs to the service again");
        }
        finally
        {
            Directory.Delete(environment, recursive: true);
        }
    }

    [Fact]
    public async Task ServiceSecrets_AreNotVisible()
    {
        // A process holding the secret in its real environment, as the service holds its keys.
        var secret = $"s3cret-{Guid.NewGuid():N}";
        var info = new ProcessStartInfo("/bin/sleep", "60") { UseShellExecute = false };
        info.Environment["QUESTMESH_SANDBOX_SECRET"] = secret;
        using var service = Process.Start(info)!;
        const string probe = """
            import glob, os
            seen = [repr(sorted(os.environ.items()))]
            for path in glob.glob("/proc/*/environ"):
                try:
                    seen.append(open(path, "rb").read().decode("utf-8", "replace"))
                except OSError:
                    pass
            print("\n".join(seen))
            """;
        try
        {
            (await RunUnsandboxed(probe)).StandardOutput.ShouldContain(secret, customMessage: "the probe must find the secret without a sandbox");

            var sandboxed = await RunSandboxed(probe);

            sandboxed.ExitCode.ShouldBe(0, sandboxed.StandardError);
            sandboxed.StandardOutput.ShouldNotContain(secret);
            sandboxed.StandardOutput.ShouldNotContain("QUESTMESH_SANDBOX_SECRET");
        }
        finally
        {
            service.Kill();
        }
    }

    [Fact]
    public async Task WritesOutsideTheWorkspace_Fail_AndWritesInsideNeverReachTheHostCopy()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"qm-escape-{Guid.NewGuid():N}");
        File.WriteAllText(Path.Combine(_workspace, "module.py"), "x = 1\n");

        var result = await RunSandboxed($$"""
            for path in ["{{outside}}", "/usr/qm-escape", "/etc/qm-escape"]:
                try:
                    open(path, "w").write("x")
                    print("wrote", path)
                except OSError as error:
                    print("refused", path)
            open("inside.txt", "w").write("ok")
            open("module.py", "w").write("x = 2\n")
            print("inside", open("inside.txt").read(), open("module.py").read().strip())
            """);

        // /tmp inside the sandbox is a private tmpfs: the write may succeed there but never reaches the host.
        result.StandardOutput.ShouldContain("refused /usr/qm-escape");
        result.StandardOutput.ShouldContain("refused /etc/qm-escape");
        result.StandardOutput.ShouldContain("inside ok x = 2");
        File.Exists(outside).ShouldBeFalse();
        File.Exists(Path.Combine(_workspace, "inside.txt")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(_workspace, "module.py")).ShouldBe("x = 1\n");
    }

    [Theory]
    [InlineData("/tmp", 16)]
    [InlineData("{home}", 16)]
    [InlineData(".", 64)]
    public async Task Writing_IsBoundedPerFolder_NotJustPerFile(string folder, int quotaMiB)
    {
        folder = folder.Replace("{home}", _home);
        var result = await RunSandboxed($$"""
            import os
            written = 0
            try:
                for index in range(1000):
                    with open(os.path.join("{{folder}}", f"block{index}"), "wb") as handle:
                        handle.write(b"x" * (4 * 1024 * 1024))
                    written += 4
            except OSError as error:
                print("stopped at", written, "MiB", error.errno)
            """);

        result.StandardOutput.ShouldStartWith("stopped at", customMessage: result.StandardError);
        var written = int.Parse(result.StandardOutput.Split(' ')[2]);
        written.ShouldBeLessThanOrEqualTo(quotaMiB);
    }

    [Fact]
    public async Task ForkBomb_IsStoppedByTheProcessLimit()
    {
        var result = await RunSandboxed("""
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
    public async Task ADaemonLeftBehind_IsKilledWhenTheRunReturns()
    {
        var marker = $"qm-daemon-{Guid.NewGuid():N}";

        var result = await RunSandboxed($$"""
            import os, sys, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    sys.argv[0] = "{{marker}}"
                    open("/tmp/{{marker}}", "w").close()
                    os.execv("/bin/sleep", ["/bin/sleep", "300", "{{marker}}"])
                os._exit(0)
            for _ in range(1000):
                if os.path.exists("/tmp/{{marker}}"):
                    print("daemon up")
                    break
                time.sleep(0.01)
            """);

        result.StandardOutput.ShouldContain("daemon up", customMessage: "the daemon must be running when the sandboxed process returns");
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Where(File.Exists)
            .Select(f => { try { return File.ReadAllText(f); } catch (IOException) { return ""; } })
            .ShouldNotContain(cmdline => cmdline.Contains(marker));
    }

    [Fact]
    public async Task EndlessLoop_IsKilledAtTheWallClockLimit()
    {
        var result = await RunSandboxed("while True: pass", TimeSpan.FromSeconds(2));

        result.TimedOut.ShouldBeTrue();
        (await RunSandboxed("print('next')")).StandardOutput.Trim().ShouldBe("next");
    }

    [Fact]
    public async Task UnboundedAllocation_FailsInsideTheSandbox()
    {
        var result = await RunSandboxed("""
            blocks = []
            try:
                while True:
                    blocks.append(bytearray(64 * 1024 * 1024))
            except MemoryError:
                print("memory limited at", len(blocks) * 64, "MiB")
            """, memoryMiB: 512);

        result.StandardOutput.ShouldContain("memory limited at");
    }

    [Fact]
    public async Task TheWorkspace_IsPrivateToTheSandboxUser()
    {
        File.WriteAllText(Path.Combine(_workspace, "secret_module.py"), "TOKEN = 'private'\n");

        var result = await RunSandboxed("print(open('secret_module.py').read().strip())");

        result.StandardOutput.Trim().ShouldBe("TOKEN = 'private'");
        File.GetUnixFileMode(_workspace).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (Sandbox.IsRoot)
        {
            // Another local user (nobody) can neither list nor read it.
            var other = await _runner.RunAsync(new ProcessSpec
            {
                FileName = "/usr/bin/setpriv",
                Arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "/bin/cat", Path.Combine(_workspace, "secret_module.py")],
                WorkingDirectory = "/",
                Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            });
            other.ExitCode.ShouldNotBe(0);
            other.StandardOutput.ShouldNotContain("private");
        }
    }
}
