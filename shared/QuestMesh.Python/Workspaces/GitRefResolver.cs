namespace QuestMesh.Python.Workspaces;

/// <summary>Turns a branch, tag or commit named by a run into the commit it stands for now.</summary>
public sealed class GitRefResolver(GitCli git)
{
    public async Task<string> ResolveAsync(string url, string gitRef, CancellationToken ct)
    {
        // A full sha needs no network: it names the same tree forever, so a cached clone can be used as is.
        if (IsFullSha(gitRef))
            return gitRef.ToLowerInvariant();
        var result = await git.RunAsync(["ls-remote", "--", url, gitRef, gitRef + "^{}"], url, Path.GetTempPath(), ct);
        if (result.ExitCode != 0)
            throw new WorkspaceException($"cannot read git repository {GitCli.Redact(url)}: {GitCli.Reason(result, url)}");
        return Pick(result.StandardOutput, gitRef)
            ?? throw new WorkspaceException(
                $"git ref '{gitRef}' was not found in {GitCli.Redact(url)}; give a branch, a tag, or a full 40-character commit sha");
    }

    public static bool IsFullSha(string gitRef) =>
        gitRef.Length is 40 or 64 && gitRef.All(char.IsAsciiHexDigit);

    /// <summary>
    /// Picks the commit for <paramref name="gitRef"/> from <c>git ls-remote</c> output, in git's own order
    /// (<c>refs/&lt;name&gt;</c>, then tags, then branches); an annotated tag stands for the commit it peels to.
    /// </summary>
    internal static string? Pick(string lsRemoteOutput, string gitRef)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lsRemoteOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 2);
            if (parts.Length == 2)
                refs[parts[1].Trim()] = parts[0].Trim();
        }
        string[] candidates = gitRef == "HEAD" || gitRef.StartsWith("refs/", StringComparison.Ordinal)
            ? [gitRef]
            : [$"refs/{gitRef}", $"refs/tags/{gitRef}", $"refs/heads/{gitRef}"];
        foreach (var name in candidates)
        {
            if (refs.TryGetValue(name + "^{}", out var peeled))
                return peeled;
            if (refs.TryGetValue(name, out var commit))
                return commit;
        }
        return null;
    }
}
