using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuestMesh.Python.Workspaces;

/// <summary>
/// Git sources: the ref is resolved to a commit, and each (URL, commit) is fetched once per worker into
/// <c>CacheRoot/git/&lt;url hash&gt;/&lt;commit&gt;</c>, a plain tree without <c>.git</c> that steps copy.
/// </summary>
public sealed class GitSourceCache(
    IOptions<SourceOptions> options, GitCli git, GitRefResolver refs, TreeCache cache, ILogger<GitSourceCache> logger)
{
    /// <summary>The cached tree of <paramref name="url"/> at <paramref name="gitRef"/> (default <c>HEAD</c>).</summary>
    public async Task<string> GetTreeAsync(string? url, string? gitRef, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new WorkspaceException("a 'git' source needs a gitUrl");
        url = url.Trim();
        // A leading '-' would read as an option; control characters have no place in a URL.
        if (url.StartsWith('-') || url.Any(char.IsControl))
            throw new WorkspaceException($"'{GitCli.Redact(url)}' is not a git URL");
        var name = string.IsNullOrWhiteSpace(gitRef) ? "HEAD" : gitRef.Trim();
        if (name.StartsWith('-') || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new WorkspaceException($"'{name}' is not a git ref");

        var commit = await refs.ResolveAsync(url, name, ct);
        var directory = Path.Combine(options.Value.CacheRoot, "git", UrlKey(url), commit);
        return await cache.GetOrAddAsync(directory, (temporary, token) => FetchAsync(url, commit, temporary, token), ct);
    }

    private async Task FetchAsync(string url, string commit, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(options.Value.CacheRoot, "git", ".home"));
        logger.LogInformation("Fetching {GitUrl} at {Commit}", GitCli.Redact(url), commit);
        var stopwatch = Stopwatch.StartNew();
        await RunOrThrowAsync(["init", "--quiet"], url, directory, ct);

        // Only the one commit is fetched; servers that refuse a bare sha get a full fetch instead.
        var shallow = await git.RunAsync(["fetch", "--quiet", "--depth", "1", "--", url, commit], url, directory, ct);
        if (shallow.ExitCode != 0)
            await RunOrThrowAsync(["fetch", "--quiet", "--", url, "+refs/heads/*:refs/qm/heads/*", "+refs/tags/*:refs/qm/tags/*"], url, directory, ct);

        var checkout = await git.RunAsync(["checkout", "--quiet", "--detach", commit], url, directory, ct);
        if (checkout.ExitCode != 0)
            throw new WorkspaceException($"commit {commit} was not found in {GitCli.Redact(url)}; check the sha, or push the commit");
        Directory.Delete(Path.Combine(directory, ".git"), recursive: true);
        logger.LogInformation("Fetched {GitUrl} at {Commit} in {Elapsed}", GitCli.Redact(url), commit, stopwatch.Elapsed);
    }

    private async Task RunOrThrowAsync(IReadOnlyList<string> arguments, string url, string directory, CancellationToken ct)
    {
        var result = await git.RunAsync(arguments, url, directory, ct);
        if (result.ExitCode != 0)
            throw new WorkspaceException($"cannot fetch from {GitCli.Redact(url)}: {GitCli.Reason(result, url)}");
    }

    private static string UrlKey(string url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..24];
}
