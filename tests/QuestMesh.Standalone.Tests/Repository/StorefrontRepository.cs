using System.Diagnostics;
using System.Security.Cryptography;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>
/// samples/storefront as a git repository in a temporary folder: committed on <c>main</c>, cloned into a bare
/// <see cref="Origin"/>, and that cloned again into <see cref="Work"/>, the checkout a CI job would run on.
/// </summary>
internal sealed class StorefrontRepository : IDisposable
{
    public StorefrontRepository()
    {
        var source = Path.Combine(Root, "source");
        Copy(Path.Combine(ApiSamples.RepositoryRoot(), "samples", "storefront"), source);
        Git(source, "init", "-q", "-b", "main");
        Git(source, "add", "-A");
        Git(source, "-c", "user.name=sample", "-c", "user.email=sample@localhost", "commit", "-q", "-m", "storefront");
        Git(Root, "clone", "-q", "--bare", source, Origin);
        Git(Root, "clone", "-q", Origin, Work);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("qm-repo-").FullName;
    public string Origin => Path.Combine(Root, "origin.git");
    public string Work => Path.Combine(Root, "work");
    public string Output => Path.Combine(Root, "out");

    /// <summary>Every file of the work tree, with git's index and HEAD, and its SHA-256: what a run must leave as it was.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Work, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/.git/", StringComparison.Ordinal) || path.EndsWith("/.git/index", StringComparison.Ordinal)
                || path.EndsWith("/.git/HEAD", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(Work, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));

    public static string Git(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
        return output;
    }

    private static void Copy(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
