using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Repository;

/// <summary>Where <c>--push-branch</c> writes: the git work tree holding the repository, and the commit the tests go on top of.</summary>
public sealed record GitTarget(string TopLevel, string Head);

/// <summary>What <c>--push-branch</c> did: the commit, and the remote it was pushed to (null: the local branch only).</summary>
public sealed record PushResult(string Branch, string Commit, string? Remote);

/// <summary>
/// <c>--push-branch NAME</c>: one commit, on top of the repository's HEAD, that adds the generated tests and their
/// manifest under the Python root's <c>tests/generated/</c>, as branch NAME (rewritten on every run, so it always
/// holds one run's tests), pushed to the repository's <c>origin</c> when it has one. The commit is made with git's
/// plumbing and an index of its own: the work tree, the user's index and the checked-out branch are never touched.
/// git runs as the user would run it (their configuration and credentials, such as those a CI checkout leaves in
/// the repository), without hooks and without prompts.
/// </summary>
public sealed class BranchPusher(ProcessRunner runner, IOptions<SourceOptions> sources)
{
    public const string AuthorName = "QuestMesh";
    public const string AuthorEmail = "questmesh@localhost";

    /// <summary>Refuses, before any work, a repository that is not in a git work tree or a branch that is checked out.</summary>
    public async Task<GitTarget> CheckAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        var top = await GitAsync(repository, ["rev-parse", "--show-toplevel"], cancellationToken);
        if (top.ExitCode != 0)
            throw new BadInputException($"--push-branch needs a git repository, and '{repository}' is not inside a git work tree");
        var head = await GitAsync(repository, ["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken);
        if (head.ExitCode != 0)
            throw new BadInputException($"--push-branch needs a commit to put the tests on, and the repository at '{repository}' has none yet");
        var current = await GitAsync(repository, ["symbolic-ref", "--short", "-q", "HEAD"], cancellationToken);
        if (current.ExitCode == 0 && current.StandardOutput.Trim() == branch)
            throw new BadInputException($"--push-branch '{branch}' is the branch checked out in the repository; name a branch for the generated tests alone");
        return new GitTarget(top.StandardOutput.Trim(), head.StandardOutput.Trim());
    }

    /// <param name="files">Paths relative to the repository's top level, and their text.</param>
    public async Task<PushResult> PushAsync(GitTarget target, string branch, IReadOnlyList<(string Path, string Content)> files, string message,
        CancellationToken cancellationToken)
    {
        var index = Path.Combine(Path.GetTempPath(), $"questmesh-index-{Guid.NewGuid():N}");
        try
        {
            var plumbing = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
            await RequireAsync(target.TopLevel, ["read-tree", target.Head], plumbing, null, cancellationToken);
            foreach (var (path, content) in files)
            {
                var blob = await RequireAsync(target.TopLevel, ["hash-object", "-w", "--stdin"], plumbing, content, cancellationToken);
                await RequireAsync(target.TopLevel, ["update-index", "--add", "--cacheinfo", $"100644,{blob},{path}"], plumbing, null, cancellationToken);
            }
            var tree = await RequireAsync(target.TopLevel, ["write-tree"], plumbing, null, cancellationToken);
            var commit = await RequireAsync(target.TopLevel, ["commit-tree", tree, "-p", target.Head, "-m", message], plumbing, null, cancellationToken);
            await RequireAsync(target.TopLevel, ["update-ref", $"refs/heads/{branch}", commit], plumbing, null, cancellationToken);
            var origin = await GitAsync(target.TopLevel, ["remote", "get-url", "origin"], cancellationToken);
            if (origin.ExitCode != 0)
                return new PushResult(branch, commit, null);
            await RequireAsync(target.TopLevel, ["push", "--force", "--quiet", "origin", $"refs/heads/{branch}:refs/heads/{branch}"], plumbing, null,
                cancellationToken);
            return new PushResult(branch, commit, GitCli.Redact(origin.StandardOutput.Trim()));
        }
        finally
        {
            File.Delete(index);
        }
    }

    private async Task<string> RequireAsync(string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> extra,
        string? input, CancellationToken cancellationToken)
    {
        var result = await GitAsync(directory, arguments, cancellationToken, extra, input);
        if (result.ExitCode != 0)
            throw new GitPushException($"git {arguments[0]} failed: {GitCli.Reason(result, "")}");
        return result.StandardOutput.Trim();
    }

    private Task<ProcessResult> GitAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extra = null, string? input = null)
    {
        // The user's own environment (credential helpers read it), without QuestMesh's settings and keys.
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => !((string)e.Key).StartsWith("QUESTMESH_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["LC_ALL"] = "C";
        environment["GIT_AUTHOR_NAME"] = environment["GIT_COMMITTER_NAME"] = AuthorName;
        environment["GIT_AUTHOR_EMAIL"] = environment["GIT_COMMITTER_EMAIL"] = AuthorEmail;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            environment[key] = value;
        return runner.RunAsync(new ProcessSpec
        {
            FileName = sources.Value.GitExecutable,
            Arguments = ["-c", "core.hooksPath=/dev/null", "-C", directory, .. arguments],
            WorkingDirectory = directory,
            Environment = environment,
            StandardInput = input,
            Timeout = TimeSpan.FromSeconds(sources.Value.GitTimeoutSeconds),
        }, cancellationToken);
    }
}

/// <summary>The generated tests could not be committed or pushed; the reports are written all the same.</summary>
public sealed class GitPushException(string message) : Exception(message);
