namespace QuestMesh.Python.Tests;

/// <summary>
/// A local repository made for a test: <c>v = 1</c> committed and tagged <c>v1</c> (annotated) and
/// <c>light</c> (lightweight), then <c>v = 2</c> committed on <c>main</c>. Reached by a <c>file://</c> URL.
/// </summary>
public sealed class TestGitRepository : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-repo-").FullName;

    private TestGitRepository()
    {
    }

    public string Url => new Uri(_directory).AbsoluteUri;
    public string FirstCommit { get; private set; } = "";
    public string SecondCommit { get; private set; } = "";

    public static async Task<TestGitRepository> CreateAsync()
    {
        var repo = new TestGitRepository();
        await repo.GitAsync("init", "--quiet", "-b", "main");
        await repo.CommitAsync("v = 1\n", "one");
        repo.FirstCommit = await repo.GitAsync("rev-parse", "HEAD");
        await repo.GitAsync("tag", "-a", "v1", "-m", "v1");
        await repo.GitAsync("tag", "light");
        await repo.CommitAsync("v = 2\n", "two");
        repo.SecondCommit = await repo.GitAsync("rev-parse", "HEAD");
        return repo;
    }

    public async Task CommitAsync(string content, string message)
    {
        Directory.CreateDirectory(Path.Combine(_directory, "pkg"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "pkg", "mod.py"), content);
        await GitAsync("add", "-A");
        await GitAsync("commit", "--quiet", "-m", message);
    }

    public async Task<string> GitAsync(params string[] arguments)
    {
        var result = await new ProcessRunner().RunAsync(new ProcessSpec
        {
            FileName = "/usr/bin/git",
            Arguments = arguments,
            WorkingDirectory = _directory,
            Environment = new Dictionary<string, string>
            {
                ["PATH"] = "/usr/bin:/bin",
                ["HOME"] = _directory,
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_CONFIG_GLOBAL"] = "/dev/null",
                ["GIT_AUTHOR_NAME"] = "test",
                ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
                ["GIT_COMMITTER_NAME"] = "test",
                ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
            },
            Timeout = TimeSpan.FromSeconds(30),
        });
        result.ExitCode.ShouldBe(0, result.StandardError);
        return result.StandardOutput.Trim();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
