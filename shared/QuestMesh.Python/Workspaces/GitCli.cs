using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Runs git for fetching sources: a clean environment in which git never asks for credentials or a host
/// key, no system or user configuration, no hooks, only the allowed transports, and a time limit per call.
/// </summary>
public sealed class GitCli(IOptions<SourceOptions> options, ProcessRunner runner)
{
    /// <summary>Runs <c>git &lt;arguments&gt;</c>; a non-zero exit is the caller's to explain, a time-out or missing git is not.</summary>
    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string url, string workingDirectory, CancellationToken ct)
    {
        var settings = options.Value;
        var spec = new ProcessSpec
        {
            FileName = settings.GitExecutable,
            // Hooks are off even though a fetched repository brings none: belt and braces for untrusted URLs.
            Arguments = ["-c", "core.hooksPath=/dev/null", "-c", "advice.detachedHead=false", .. arguments],
            WorkingDirectory = workingDirectory,
            Environment = Environment(settings),
            Timeout = TimeSpan.FromSeconds(settings.GitTimeoutSeconds),
            MaxOutputChars = 16 * 1024 * 1024,
        };
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(spec, ct);
        }
        catch (PythonEnvironmentException)
        {
            throw NotInstalled(settings);
        }
        if (result.TimedOut)
            throw new WorkspaceException(
                $"git {arguments[0]} of {Redact(url)} did not finish within {settings.GitTimeoutSeconds} s (Sources:GitTimeoutSeconds); " +
                "check that the host is reachable from the worker and the repository is not unusually large");
        // setsid reports an executable it could not start with 127.
        if (result.ExitCode == 127 && result.StandardError.Contains("failed to execute", StringComparison.Ordinal))
            throw NotInstalled(settings);
        return result;
    }

    /// <summary>git's own reason for a failure (its <c>fatal:</c>/<c>error:</c> lines), with any password in the URL hidden.</summary>
    public static string Reason(ProcessResult result, string url)
    {
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reasons = lines.Where(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        var text = reasons.Count > 0 ? string.Join(" ", reasons) : lines.LastOrDefault() ?? $"git exited with code {result.ExitCode}";
        var userInfo = UserInfo(url);
        return userInfo.Length > 0 ? text.Replace(userInfo, "***", StringComparison.Ordinal) : text;
    }

    /// <summary>The URL for messages and logs: credentials in it (<c>https://user:token@host/…</c>) are hidden.</summary>
    public static string Redact(string url)
    {
        var userInfo = UserInfo(url);
        return userInfo.Length > 0 ? url.Replace(userInfo + "@", "***@", StringComparison.Ordinal) : url;
    }

    private static string UserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.UserInfo : "";

    private static Dictionary<string, string> Environment(SourceOptions settings) => new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = Path.Combine(settings.CacheRoot, "git", ".home"),
        ["LC_ALL"] = "C",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_ALLOW_PROTOCOL"] = settings.GitProtocols,
        ["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes",
        ["GIT_LFS_SKIP_SMUDGE"] = "1",
    };

    private static WorkspaceException NotInstalled(SourceOptions settings) =>
        new($"git ('{settings.GitExecutable}') is not installed on this worker; install git or set Sources:GitExecutable");
}
