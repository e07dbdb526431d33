using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Sandboxing;

/// <summary>
/// Wraps a process in the sandbox: bubblewrap (private network, PID and IPC namespaces; read-only
/// system; only the scope's folders visible), an unprivileged user when the service is root, and
/// resource limits (CPU time, address space, processes, file size) through prlimit.
/// </summary>
public sealed class Sandbox(IOptions<SandboxOptions> options, ProcessRunner runner, ILogger<Sandbox> logger)
{
    private const string Bwrap = "/usr/bin/bwrap";
    private const string SetPriv = "/usr/bin/setpriv";
    private const string PrLimit = "/usr/bin/prlimit";
    private static readonly string[] SystemTrees = ["/usr", "/etc"];
    private readonly SemaphoreSlim _probeLock = new(1, 1);
    private bool? _bubblewrap;
    // A random start keeps two worker processes on one machine from handing out the same user ids.
    private int _nextUid = Random.Shared.Next();

    public static bool IsRoot => NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>True once the probe found bubblewrap working here (and the mode allows it).</summary>
    public async Task<bool> UsesBubblewrapAsync(CancellationToken cancellationToken)
    {
        if (_bubblewrap is { } known)
            return known;
        await _probeLock.WaitAsync(cancellationToken);
        try
        {
            return _bubblewrap ??= await ProbeAsync(cancellationToken);
        }
        finally
        {
            _probeLock.Release();
        }
    }

    public async Task<ProcessSpec> WrapAsync(ProcessSpec inner, SandboxScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var dropPrivileges = IsRoot && File.Exists(SetPriv);
        if (dropPrivileges && !OperatingSystem.IsWindows())
        {
            foreach (var directory in scope.Writable)
                OpenToSandboxUser(directory);
        }

        var command = new List<string>();
        if (await UsesBubblewrapAsync(cancellationToken))
            command.AddRange(BubblewrapArguments(inner, scope));
        if (dropPrivileges)
        {
            var uid = settings.FirstUid + (int)((uint)Interlocked.Increment(ref _nextUid) % (uint)settings.UidCount);
            command.AddRange([SetPriv, $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--"]);
        }
        if (File.Exists(PrLimit))
        {
            command.AddRange([
                PrLimit,
                $"--cpu={scope.CpuSeconds}",
                $"--as={(long)scope.MemoryMiB * 1024 * 1024}",
                $"--nproc={settings.MaxProcesses}",
                $"--fsize={(long)settings.MaxFileSizeMiB * 1024 * 1024}",
                "--core=0",
                "--",
            ]);
        }
        if (command.Count == 0)
            return inner;
        command.Add(inner.FileName);
        command.AddRange(inner.Arguments);

        return inner with { FileName = command[0], Arguments = command.Skip(1).ToList() };
    }

    private static List<string> BubblewrapArguments(ProcessSpec inner, SandboxScope scope)
    {
        // No --die-with-parent: its parent-death signal fires when the *thread* that started bubblewrap
        // ends, and .NET starts processes from pool threads that come and go. The runner kills the
        // process group at the time limit, and the CPU limit bounds anything a crashed service leaves.
        var arguments = new List<string> { Bwrap, "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts" };
        if (!IsRoot)
            arguments.Add("--unshare-user");
        foreach (var tree in SystemTrees)
            arguments.AddRange(["--ro-bind", tree, tree]);
        foreach (var link in new[] { "bin", "sbin", "lib", "lib64" })
        {
            var target = new FileInfo("/" + link).LinkTarget;
            if (target is not null)
                arguments.AddRange(["--symlink", target, "/" + link]);
            else if (Directory.Exists("/" + link))
                arguments.AddRange(["--ro-bind", "/" + link, "/" + link]);
        }
        arguments.AddRange(["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp"]);

        var created = new HashSet<string>(StringComparer.Ordinal) { "/tmp" };
        foreach (var directory in scope.ReadOnly.Where(d => !UnderSystemTree(d)))
            Bind(arguments, created, "--ro-bind", Path.GetFullPath(directory));
        foreach (var directory in scope.Writable)
            Bind(arguments, created, "--bind", Path.GetFullPath(directory));
        arguments.AddRange(["--chdir", inner.WorkingDirectory, "--"]);
        return arguments;
    }

    private static void Bind(List<string> arguments, HashSet<string> created, string kind, string directory)
    {
        // bubblewrap makes missing parents 0700 (unreadable to the sandbox user): create them 0755 first.
        var parent = Path.GetDirectoryName(directory);
        var ancestors = new Stack<string>();
        while (parent is not null && parent != "/" && !created.Contains(parent))
        {
            ancestors.Push(parent);
            parent = Path.GetDirectoryName(parent);
        }
        foreach (var ancestor in ancestors)
        {
            arguments.AddRange(["--perms", "0755", "--dir", ancestor]);
            created.Add(ancestor);
        }
        arguments.AddRange([kind, directory, directory]);
        created.Add(directory);
    }

    private static bool UnderSystemTree(string directory) =>
        SystemTrees.Any(tree => directory == tree || directory.StartsWith(tree + "/", StringComparison.Ordinal));

    [UnsupportedOSPlatform("windows")]
    private static void OpenToSandboxUser(string directory)
    {
        const UnixFileMode all = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory, all);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null)
                continue;
            var mode = entry is DirectoryInfo ? all : entry.UnixFileMode | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
            File.SetUnixFileMode(entry.FullName, mode);
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var mode = options.Value.Mode;
        if (mode == "limits")
            return false;
        var problem = !File.Exists(Bwrap) ? $"{Bwrap} is not installed (Debian package bubblewrap)" : await TryBubblewrapAsync(cancellationToken);
        if (problem is null)
        {
            logger.LogInformation("Sandbox: bubblewrap with a private network, read-only system and process limits");
            return true;
        }
        if (mode == "bubblewrap")
            throw new SandboxUnavailableException($"Sandbox:Mode is 'bubblewrap' but {problem}. Install bubblewrap, or set Sandbox:Mode to 'limits' to accept process limits only.");
        logger.LogWarning("Sandbox: {Problem}; untrusted tests run with process limits only (no network or filesystem isolation). Set Sandbox:Mode=bubblewrap to make this an error", problem);
        return false;
    }

    private async Task<string?> TryBubblewrapAsync(CancellationToken cancellationToken)
    {
        List<string> arguments = ["--unshare-net", "--unshare-pid", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "/bin/true"];
        if (!IsRoot)
            arguments.Insert(0, "--unshare-user");
        var result = await runner.RunAsync(new ProcessSpec
        {
            FileName = Bwrap,
            Arguments = arguments,
            WorkingDirectory = "/",
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            Timeout = TimeSpan.FromSeconds(20),
        }, cancellationToken);
        return result.ExitCode == 0 ? null : $"bubblewrap does not work here (exit {result.ExitCode}: {result.StandardError.Trim()})";
    }

    private static partial class NativeMethods
    {
        [DllImport("libc", EntryPoint = "geteuid")]
        public static extern uint GetEffectiveUserId();
    }
}
