using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using QuestMesh.Contracts;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

public sealed class GitSourceTests : IAsyncLifetime, IDisposable
{
    private readonly SourceTestHost _host = new();
    private TestGitRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestGitRepository.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _repo.Dispose();
        _host.Dispose();
    }

    private Task<Workspace> CreateAsync(string url, string? gitRef) =>
        _host.Workspaces.CreateAsync(new SourceSpec { Kind = SourceKinds.Git, GitUrl = url, GitRef = gitRef }, CancellationToken.None);

    private static string Module(Workspace workspace) => File.ReadAllText(Path.Combine(workspace.Directory, "pkg", "mod.py"));

    [Theory]
    [InlineData("main", "v = 2\n")]
    [InlineData("refs/heads/main", "v = 2\n")]
    [InlineData(null, "v = 2\n")]
    [InlineData("v1", "v = 1\n")]
    [InlineData("light", "v = 1\n")]
    public async Task CreateAsync_BranchOrTag_ChecksOutItsCommit(string? gitRef, string expected)
    {
        using var workspace = await CreateAsync(_repo.Url, gitRef);

        Module(workspace).ShouldBe(expected);
        Directory.Exists(Path.Combine(workspace.Directory, ".git")).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_FullShaOfAnOlderCommit_ChecksOutThatCommit()
    {
        using var workspace = await CreateAsync(_repo.Url, _repo.FirstCommit.ToUpperInvariant());

        Module(workspace).ShouldBe("v = 1\n");
    }

    [Fact]
    public async Task CreateAsync_SecondUse_CopiesTheCachedTreeWithoutFetchingAgain()
    {
        using (await CreateAsync(_repo.Url, "main"))
        {
        }
        var cached = Directory.GetDirectories(Path.Combine(_host.CacheRoot, "git"), _repo.SecondCommit, SearchOption.AllDirectories).ShouldHaveSingleItem();
        Directory.Exists(Path.Combine(cached, ".git")).ShouldBeFalse("the cache keeps the tree only");
        File.WriteAllText(Path.Combine(cached, "marker.txt"), "from the cache");

        using var second = await CreateAsync(_repo.Url, "main");

        File.ReadAllText(Path.Combine(second.Directory, "marker.txt")).ShouldBe("from the cache");
    }

    [Fact]
    public async Task CreateAsync_BranchMovedOn_FetchesTheNewCommit()
    {
        using (var before = await CreateAsync(_repo.Url, "main"))
            Module(before).ShouldBe("v = 2\n");
        await _repo.CommitAsync("v = 3\n", "three");

        using var after = await CreateAsync(_repo.Url, "main");

        Module(after).ShouldBe("v = 3\n");
    }

    [Fact]
    public async Task CreateAsync_ConcurrentSteps_ShareOneCompleteClone()
    {
        var workspaces = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateAsync(_repo.Url, "v1")));

        foreach (var workspace in workspaces)
        {
            Module(workspace).ShouldBe("v = 1\n");
            workspace.Dispose();
        }
        var urlDirectory = Directory.GetDirectories(Path.Combine(_host.CacheRoot, "git")).Where(d => !d.EndsWith(".home")).ShouldHaveSingleItem();
        Directory.GetDirectories(urlDirectory).Select(Path.GetFileName).ShouldBe([_repo.FirstCommit], "one clone, no temporary leftovers");
    }

    [Fact]
    public void Create_GitSource_WorksForCallersNotYetOnCreateAsync()
    {
        using var workspace = _host.Workspaces.Create(new SourceSpec { Kind = SourceKinds.Git, GitUrl = _repo.Url, GitRef = "v1" });

        Module(workspace).ShouldBe("v = 1\n");
    }

    [Fact]
    public async Task CreateAsync_UnknownRef_SaysWhichRefAndWhatToGive()
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(_repo.Url, "no-such-branch"));

        error.Message.ShouldContain("'no-such-branch' was not found");
        error.Message.ShouldContain("full 40-character commit sha");
    }

    [Fact]
    public async Task CreateAsync_UnknownFullSha_SaysTheCommitIsMissing()
    {
        var sha = new string('1', 40);

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(_repo.Url, sha));

        error.Message.ShouldContain($"commit {sha} was not found");
        Directory.GetDirectories(Path.Combine(_host.CacheRoot, "git"), "*", SearchOption.AllDirectories)
            .ShouldNotContain(d => Path.GetFileName(d).Contains(sha), "a failed fetch leaves nothing in the cache");
    }

    [Theory]
    [InlineData("file:///nonexistent/repo.git")]
    [InlineData("http://127.0.0.1:1/repo.git")]
    public async Task CreateAsync_UnreachableUrl_FailsQuicklyNamingTheUrl(string url)
    {
        var stopwatch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(url, "main"));

        error.Message.ShouldContain($"cannot read git repository {url}");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CreateAsync_ServerThatNeverAnswers_StopsAtTheTimeout()
    {
        // Loopback only: a listener that takes the connection and never replies.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/repo.git";
        using var host = new SourceTestHost(options => options.GitTimeoutSeconds = 1);
        var stopwatch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<WorkspaceException>(() =>
            host.Workspaces.CreateAsync(new SourceSpec { Kind = SourceKinds.Git, GitUrl = url, GitRef = "main" }, CancellationToken.None));

        error.Message.ShouldContain("did not finish within 1 s");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task CreateAsync_UrlWithCredentials_NeverShowsThePassword()
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync("http://user:s3cr3t@127.0.0.1:1/repo.git", "main"));

        error.Message.ShouldNotContain("s3cr3t");
        error.Message.ShouldContain("***@127.0.0.1:1");
    }

    [Fact]
    public async Task CreateAsync_CommandTransport_IsNotAllowed()
    {
        var marker = Path.Combine(_host.Root, "pwned");

        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync($"ext::sh -c touch% {marker}", "main"));

        error.Message.ShouldContain("not allowed");
        File.Exists(marker).ShouldBeFalse();
    }

    [Theory]
    [InlineData("--upload-pack=touch /tmp/x", "main", "is not a git URL")]
    [InlineData("", "main", "needs a gitUrl")]
    [InlineData("file:///repo.git", "--output=/tmp/x", "is not a git ref")]
    public async Task CreateAsync_MalformedSource_IsRefusedBeforeRunningGit(string url, string gitRef, string expected)
    {
        var error = await Should.ThrowAsync<WorkspaceException>(() => CreateAsync(url, gitRef));

        error.Message.ShouldContain(expected);
    }
}
