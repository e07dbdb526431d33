using System.Text.Json.Nodes;
using PuppeteerSharp;
using QuestMesh.Standalone.Tests.Serve;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// <c>questmesh serve</c> in this process (every real service, the in-memory bus) with a headless Chromium,
/// and one real run on samples/shop that must take two attempts (targets of 100), submitted at the start so
/// it runs while the first tests open their pages.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(6);
    private ServeFixture? _serve;
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("questmesh-chromium-");
    private Task<Guid> _finishedRun = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Client => _serve!.Client;

    public async Task InitializeAsync()
    {
        Browser = await Chromium.LaunchAsync(_profile);
        // Made only once the browser runs: a fixture that fails to start leaves nothing behind.
        _serve = new ServeFixture();
        await _serve.InitializeAsync();
        _finishedRun = FinishAsync(await Client.SubmitAsync(TwoAttemptsOnShop()));
    }

    /// <summary>The shop run, once it has ended.</summary>
    public Task<Guid> FinishedRunAsync() => _finishedRun;

    /// <summary>The dashboard at <paramref name="fragment"/> (<c>#/</c>, <c>#/runs/&lt;id&gt;</c>) in a new tab.</summary>
    public Task<DashboardPage> OpenAsync(string fragment) =>
        DashboardPage.OpenAsync(Browser, new Uri(Client.BaseAddress!, $"/dashboard/{fragment}"));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        if (_serve is not null)
            await _serve.DisposeAsync();
        _profile.Delete(recursive: true);
    }

    private async Task<Guid> FinishAsync(Guid runId)
    {
        await Client.WaitForRunAsync(runId, r => r.Status() is "completed" or "failed" or "cancelled", RunDeadline);
        return runId;
    }

    private static string TwoAttemptsOnShop()
    {
        var body = ApiSamples.GoodRun(searchBudgetSeconds: 5);
        body["settings"] = new JsonObject
        {
            ["maxAttempts"] = 2,
            ["targetCoverage"] = 100,
            ["targetMutation"] = 100,
            ["searchBudgetSeconds"] = 5,
        };
        return body.ToJsonString();
    }
}
