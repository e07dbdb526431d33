using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using QuestMesh.Python.Unix;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests.Hostile;

/// <summary>
/// Hostile projects against <c>questmesh run</c> as a real process holding a secret in its environment,
/// with a listener on a real port. Every attack below reports what it reached (a connection to the
/// listener, a file in a folder only the host can see, the secret written into the user's project), so
/// a test that passes shows that nothing got out: not to the listener, not into any output or artifact,
/// not into the project or anywhere outside the step's workspace, and nothing is left running.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostileProjectTests : IDisposable
{
    private const string SecretName = "QUESTMESH_HOSTILE_SECRET";
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    private readonly string _secret = $"s3cret-{Guid.NewGuid():N}";
    private readonly string _marker = $"qmhostile{Guid.NewGuid():N}";
    private readonly string _root = Directory.CreateTempSubdirectory("qm-hostile-").FullName;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _createdInWorkRoot = [];
    private readonly FileSystemWatcher _watcher;

    public HostileProjectTests()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Canary);
        Directory.CreateDirectory(WorkRoot);
        _listener.Start();
        // Each workspace and home is recorded with its mode the moment it appears.
        _watcher = new FileSystemWatcher(WorkRoot) { EnableRaisingEvents = true };
        _watcher.Created += (_, e) =>
        {
            var mode = File.Exists(e.FullPath) || Directory.Exists(e.FullPath) ? Convert.ToString((int)File.GetUnixFileMode(e.FullPath), 8) : "gone";
            lock (_createdInWorkRoot)
                _createdInWorkRoot.Add($"{e.Name} {mode}");
        };
    }

    private string Project => Path.Combine(_root, "project");
    private string Canary => Path.Combine(_root, "host-only");
    private string WorkRoot => Path.Combine(_root, "work");
    private string Output => Path.Combine(_root, "out");
    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _watcher.Dispose();
        _listener.Stop();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Python that tries every escape and leaves evidence of whichever worked.</summary>
    private string Attack(string tag) => $$"""
        def _questmesh_attack():
            import glob, os, socket
            tag = {{Quote(tag)}}
            try:
                with open(os.path.join({{Quote(Canary)}}, tag), "w") as handle:
                    handle.write("ran where only the host can write")
            except OSError:
                pass
            try:
                socket.create_connection(("127.0.0.1", {{Port}}), timeout=1).close()
            except OSError:
                pass
            found = [f"{name}={value}" for name, value in os.environ.items()]
            for path in glob.glob("/proc/*/environ"):
                try:
                    found.extend(open(path, "rb").read().decode("utf-8", "replace").split("\0"))
                except OSError:
                    pass
            text = "\n".join(entry for entry in found if entry.startswith({{Quote(SecretName)}}))
            if text:
                print("LEAKED", text)
                try:
                    with open(os.path.join({{Quote(Project)}}, "leaked.txt"), "w") as handle:
                        handle.write(text)
                except OSError:
                    pass


        _questmesh_attack()
        """;

    private const string PlainTarget = """
        def add(a: int, b: int) -> int:
            return a + b


        def sign(x: int) -> str:
            if x < 0:
                return "negative"
            if x == 0:
                return "zero"
            return "positive"
        """;

    [Fact]
    public async Task Shadowing_modules_next_to_the_target_never_run_outside_the_sandbox()
    {
        Write("calc.py", "import json\nimport typing\n\n\n" + PlainTarget);
        Write("json.py", Attack("json") + "\ndumps = loads = None\n");
        Write("typing.py", Attack("typing"));

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        await ShouldBeContainedAsync(result);
    }

    [Fact]
    public async Task A_module_the_target_plants_from_inside_the_sandbox_is_never_imported_outside_it()
    {
        Write("calc.py", $$"""
            import os

            with open("json.py", "w") as _planted:
                _planted.write({{Quote(Attack("planted-json"))}})
            with open("typing.py", "w") as _planted:
                _planted.write({{Quote(Attack("planted-typing"))}})


            {{PlainTarget}}
            """);

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        await ShouldBeContainedAsync(result);
    }

    [Fact]
    public async Task A_suite_swapped_for_a_symlink_at_exit_never_lets_the_service_write_through_it()
    {
        Write("victim.txt", "the user's own file\n");
        Write("calc.py", $$"""
            import atexit
            import glob
            import os


            def _swap():
                for path in glob.glob("tests/test_*.py") + glob.glob("test_*.py"):
                    os.remove(path)
                    os.symlink({{Quote(Path.Combine(Project, "victim.txt"))}}, path)


            atexit.register(_swap)


            {{PlainTarget}}
            """);

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        await ShouldBeContainedAsync(result);
    }

    [Fact]
    public async Task Special_files_and_a_link_to_the_root_are_left_out_of_the_copy()
    {
        Write("calc.py", PlainTarget);
        MakeSpecial("/usr/bin/mkfifo", Path.Combine(Project, "pipe"));
        if (Python.Sandboxing.Sandbox.IsRoot)
            MakeSpecial("/usr/bin/mknod", Path.Combine(Project, "zero"), "c", "1", "5");
        File.CreateSymbolicLink(Path.Combine(Project, "everything"), "/");

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        result.Output.ShouldContain("pipe (a FIFO, not a regular file)");
        result.Output.ShouldContain("everything (a link out of the project)");
        await ShouldBeContainedAsync(result);
    }

    [Fact]
    public async Task Filling_tmp_and_writing_many_large_files_stay_within_the_sandboxs_limits()
    {
        Write("calc.py", $$"""
            import os


            def fill(folder: str = "/tmp") -> int:
                written = 0
                try:
                    for index in range(400):
                        with open(os.path.join(folder, f"{{_marker}}{index}"), "wb") as handle:
                            handle.write(b"x" * (8 * 1024 * 1024))
                        written += 8
                except OSError:
                    pass
                return written


            FILLED = fill("/tmp") + fill(".") + fill(os.path.expanduser("~"))


            {{PlainTarget}}
            """);
        var freeBefore = new DriveInfo(WorkRoot).AvailableFreeSpace;

        var result = await RunAsync("calc.py");

        // The harness may find no room left for its own files: then the target is blamed, never QuestMesh.
        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget, ExitCodes.TargetMisbehaved);
        await ShouldBeContainedAsync(result);
        // Each fill stops at its folder's quota (small in this test); none of it lands on the host's disk.
        (freeBefore - new DriveInfo(WorkRoot).AvailableFreeSpace).ShouldBeLessThan(256L * 1024 * 1024);
    }

    [Theory]
    [InlineData("kills-its-process", "import os, signal\nfor pid in (os.getppid(), 0, os.getpid()):\n    try:\n        os.kill(pid, signal.SIGKILL)\n    except OSError:\n        pass\n")]
    [InlineData("fork-bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n")]
    [InlineData("never-imports", "while True:\n    pass\n")]
    public async Task A_target_that_misbehaves_at_import_ends_the_run_with_its_own_exit_code(string kind, string body)
    {
        Write("calc.py", $$"""
            import os
            import subprocess

            # A daemon in its own session, which must not outlive the step.
            subprocess.Popen(["/bin/sleep", "600", {{Quote(_marker + kind)}}], start_new_session=True)
            {{body}}
            {{PlainTarget}}
            """);

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBe(ExitCodes.TargetMisbehaved, result.Output);
        result.Output.ShouldContain("failed:target-misbehaved");
        // The one-line reason is what the user sees; the generation's record stays with the artifacts.
        File.Exists(Path.Combine(Output, "attempt_0.llm_metadata.json")).ShouldBeTrue();
        await ShouldBeContainedAsync(result);
    }

    [Fact]
    public async Task A_private_project_is_copied_only_into_folders_other_users_cannot_enter()
    {
        Write("calc.py", PlainTarget);
        Write("credentials.py", "TOKEN = 'private'\n");
        File.SetUnixFileMode(Project, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await RunAsync("calc.py");

        result.ExitCode.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        await ShouldBeContainedAsync(result);
        string[] created;
        lock (_createdInWorkRoot)
            created = [.. _createdInWorkRoot];
        created.ShouldNotBeEmpty();
        created.ShouldAllBe(entry => entry.EndsWith(" 700") || entry.EndsWith(" gone"));
    }

    private async Task<QuestMeshProcess.Result> RunAsync(string file)
    {
        _before = Snapshot(Project);
        var environment = new Dictionary<string, string>
        {
            [SecretName] = _secret,
            ["QUESTMESH_Python__WorkRoot"] = WorkRoot,
            ["QUESTMESH_Sandbox__TmpMiB"] = "32",
            ["QUESTMESH_Sandbox__WorkspaceMiB"] = "64",
            ["QUESTMESH_Generator__SearchGraceSeconds"] = "20",
        };
        var result = await QuestMeshProcess.RunAsync(environment, RunLimit,
            "run", Project, "--file", file, "--out", Output, "--max-attempts", "1", "--budget", "3", "--max-mutants", "20");
        result.TimedOut.ShouldBeFalse(result.Output);
        return result;
    }

    private Dictionary<string, string>? _before;

    private async Task ShouldBeContainedAsync(QuestMeshProcess.Result result)
    {
        result.Output.ShouldNotContain("LEAKED");
        result.Output.ShouldNotContain(_secret);
        result.Output.ShouldNotContain("   at ", customMessage: "a stack trace reached the user");
        foreach (var artifact in Directory.Exists(Output) ? Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories) : [])
            File.ReadAllText(artifact).ShouldNotContain(_secret, customMessage: artifact);
        _listener.Pending().ShouldBeFalse("a connection reached the listener on the host");
        Directory.EnumerateFileSystemEntries(Canary).ShouldBeEmpty("code ran where only the host can write");
        Snapshot(Project).ShouldBe(_before!, "the user's project changed");
        Directory.EnumerateFileSystemEntries(WorkRoot).ShouldBeEmpty("a workspace or home was left behind");
        ProcessesWith(_marker).ShouldBeEmpty("a process the project started is still running");
        await Task.CompletedTask;
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void MakeSpecial(string tool, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(tool, arguments);
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
    }

    /// <summary>Every entry of the tree: regular files by content hash, anything else by kind (never opened, links never followed).</summary>
    private static Dictionary<string, string> Snapshot(string folder)
    {
        var entries = new Dictionary<string, string>();
        void Walk(string current)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(current))
            {
                var kind = UnixFiles.KindOf(path);
                entries[Path.GetRelativePath(folder, path)] = kind == FileKind.Regular
                    ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))
                    : kind.ToString();
                if (kind == FileKind.Directory)
                    Walk(path);
            }
        }
        Walk(folder);
        return entries;
    }

    private static List<string> ProcessesWith(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
            })
            .Where(cmdline => cmdline.Contains(marker))
            .ToList();

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'";
}
