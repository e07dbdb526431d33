using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Python.Unix;

namespace QuestMesh.Python.Sandboxing;

/// <summary>
/// Runs a process in the sandbox: bubblewrap (private network, PID, IPC and UTS namespaces; read-only
/// system; size-limited <c>/tmp</c>, home and workspace copy), a user id of its own when the service is
/// root, and resource limits (CPU time, address space, processes, file size) through prlimit. Whatever
/// the process leaves running is killed when it returns.
/// </summary>
public sealed class Sandbox(IOptions<SandboxOptions> options, ProcessRunner runner, ILogger<Sandbox> logger)
{
    private const string Bwrap = "/usr/bin/bwrap";
    private const string SetPriv = "/usr/bin/setpriv";
    private const string PrLimit = "/usr/bin/prlimit";
    private const string Shell = "/bin/sh";
    // Inside bubblewrap the host copy of the workspace is shown read-only here and copied into the
    // size-limited tmpfs mounted at the workspace's own path, so paths in requests stay the same.
    private const string SourceMount = "/.questmesh/source";
    private const string StageScript = "cp -R " + SourceMount + "/. \"$0\"/ || exit 125; exec \"$@\"";
    private const long MiB = 1024 * 1024;
    private static readonly string[] SystemTrees = ["/usr", "/etc"];
    private readonly SemaphoreSlim _probeLock = new(1, 1);
    private bool? _bubblewrap;
    private SandboxUsers? _users;

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

    /// <summary>
    /// Runs <paramref name="inner"/> (whose working directory is <see cref="SandboxScope.Workspace"/>) in
    /// the sandbox and returns when it and everything it started are gone.
    /// </summary>
    public async Task<ProcessResult> RunAsync(ProcessSpec inner, SandboxScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var bubblewrap = await UsesBubblewrapAsync(cancellationToken);
        if (bubblewrap)
            CheckWorkspaceQuota(scope.Workspace, settings);
        using var user = IsRoot && File.Exists(SetPriv) ? Users(settings).Acquire() : null;
        uint? uid = user?.Uid;
        if (uid is { } sandboxUser && !OperatingSystem.IsWindows())
        {
            FolderOwnership.HandOver(scope.Workspace, sandboxUser);
            FolderOwnership.HandOver(scope.Home, sandboxUser);
            foreach (var folder in scope.Writable)
                FolderOwnership.HandOver(folder, sandboxUser);
        }
        var spec = Wrap(inner, scope, bubblewrap, uid, settings);
        try
        {
            return await runner.RunAsync(spec, cancellationToken);
        }
        finally
        {
            if (uid is { } owner)
            {
                await ReapAsync(owner);
                if (!OperatingSystem.IsWindows())
                {
                    foreach (var folder in scope.Writable)
                        FolderOwnership.TakeBack(folder, NativeMethods.GetEffectiveUserId(), NativeMethods.GetEffectiveGroupId());
                }
            }
        }
    }

    private static ProcessSpec Wrap(ProcessSpec inner, SandboxScope scope, bool bubblewrap, uint? uid, SandboxOptions settings)
    {
        var command = new List<string>();
        if (bubblewrap)
            command.AddRange(BubblewrapArguments(inner, scope, settings));
        if (uid is { } id)
            command.AddRange([SetPriv, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--"]);
        if (File.Exists(PrLimit))
        {
            command.AddRange([
                PrLimit,
                $"--cpu={scope.CpuSeconds}",
                $"--as={scope.MemoryMiB * MiB}",
                $"--nproc={settings.MaxProcesses}",
                $"--fsize={settings.MaxFileSizeMiB * MiB}",
                "--core=0",
                "--",
            ]);
        }
        if (bubblewrap)
            command.AddRange([Shell, "-c", StageScript, scope.Workspace]);
        if (command.Count == 0)
            return inner;
        command.Add(inner.FileName);
        command.AddRange(inner.Arguments);
        return inner with { FileName = command[0], Arguments = command.Skip(1).ToList() };
    }

    private static List<string> BubblewrapArguments(ProcessSpec inner, SandboxScope scope, SandboxOptions settings)
    {
        // No --die-with-parent: its parent-death signal fires when the *thread* that started bubblewrap
        // ends, and .NET starts processes from pool threads that come and go. The runner kills the
        // process group at the time limit, and the CPU limit bounds anything a crashed service leaves.
        var arguments = new List<string> { Bwrap, "--unshare-pid", "--unshare-ipc", "--unshare-uts" };
        if (!scope.Network)
            arguments.Add("--unshare-net");
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
        var scratch = (settings.TmpMiB * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture);
        arguments.AddRange(["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--size", scratch, "--tmpfs", "/tmp"]);

        var created = new HashSet<string>(StringComparer.Ordinal) { "/tmp" };
        foreach (var directory in scope.ReadOnly.Where(d => !UnderSystemTree(d)))
            Mount(arguments, created, ["--ro-bind", Path.GetFullPath(directory)], Path.GetFullPath(directory));
        foreach (var directory in scope.Writable)
            Mount(arguments, created, ["--bind", Path.GetFullPath(directory)], Path.GetFullPath(directory));
        var workspace = Path.GetFullPath(scope.Workspace);
        Mount(arguments, created, ["--ro-bind", workspace], SourceMount);
        Mount(arguments, created, ["--perms", "0777", "--size", (settings.WorkspaceMiB * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs"], workspace);
        Mount(arguments, created, ["--perms", "0777", "--size", scratch, "--tmpfs"], Path.GetFullPath(scope.Home));
        arguments.AddRange(["--chdir", inner.WorkingDirectory, "--"]);
        return arguments;
    }

    /// <summary>Adds <paramref name="mount"/> followed by <paramref name="at"/>, creating its missing parents readable (bubblewrap would make them 0700).</summary>
    private static void Mount(List<string> arguments, HashSet<string> created, string[] mount, string at)
    {
        var parent = Path.GetDirectoryName(at);
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
        arguments.AddRange(mount);
        arguments.Add(at);
        created.Add(at);
    }

    private static bool UnderSystemTree(string directory) =>
        SystemTrees.Any(tree => directory == tree || directory.StartsWith(tree + "/", StringComparison.Ordinal));

    private static void CheckWorkspaceQuota(string workspace, SandboxOptions settings)
    {
        var bytes = FolderBytes(workspace);
        if (bytes > settings.WorkspaceMiB * MiB)
            throw new HarnessException(
                $"the project copy holds {(bytes + MiB - 1) / MiB} MiB, more than the sandbox's workspace may ({settings.WorkspaceMiB} MiB, Sandbox:WorkspaceMiB)",
                badRequest: true);
    }

    private static long FolderBytes(string folder)
    {
        long total = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var (kind, size) = UnixFiles.Inspect(entry);
            total += kind switch
            {
                FileKind.Directory => FolderBytes(entry),
                FileKind.Regular => size,
                _ => 0,
            };
        }
        return total;
    }

    private SandboxUsers Users(SandboxOptions settings) =>
        LazyInitializer.EnsureInitialized(ref _users, () => new SandboxUsers(settings, logger));

    /// <summary>
    /// Kills every process still running as the sandbox's user (a daemon that left the process group, a
    /// fork bomb's survivors): <c>kill -9 -1</c> run as that user reaches all of them at once.
    /// </summary>
    private async Task ReapAsync(uint uid)
    {
        for (var round = 0; round < 5 && ProcessTable.AnyOwnedBy(uid); round++)
        {
            logger.LogDebug("Sandbox user {Uid} left processes running; killing them", uid);
            await runner.RunAsync(new ProcessSpec
            {
                FileName = SetPriv,
                Arguments = [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", Shell, "-c", "kill -9 -1"],
                WorkingDirectory = "/",
                Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
                Timeout = TimeSpan.FromSeconds(10),
            });
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
        logger.LogWarning("Sandbox: {Problem}; untrusted tests run with process limits only (no network or filesystem isolation, no size limit on the workspace). Set Sandbox:Mode=bubblewrap to make this an error", problem);
        return false;
    }

    private async Task<string?> TryBubblewrapAsync(CancellationToken cancellationToken)
    {
        List<string> arguments = ["--unshare-net", "--unshare-pid", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--size", "1048576", "--tmpfs", "/tmp", "/bin/true"];
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

        [DllImport("libc", EntryPoint = "getegid")]
        public static extern uint GetEffectiveGroupId();
    }
}
