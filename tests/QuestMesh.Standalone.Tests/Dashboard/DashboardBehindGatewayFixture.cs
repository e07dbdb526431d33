using PuppeteerSharp;
using QuestMesh.Standalone.Tests.Serve;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// The deployed shape on one machine: the real gateway process with one API key in front of the runs API
/// (here <c>questmesh serve</c>'s, trusting the gateway's tenant header as the orchestrator host does), and
/// a headless Chromium that reaches the dashboard through the gateway only.
/// </summary>
public sealed class DashboardBehindGatewayFixture : IAsyncLifetime
{
    public const string Key = "dashboard-test-key-0123456789";
    public const string Tenant = "acme";

    private ServeFixture? _serve;
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("questmesh-chromium-");
    private GatewayProcess? _gateway;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client of the gateway that sends the key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client of the runs API directly, without a tenant.</summary>
    public HttpClient Direct => _serve!.Client;

    public Uri Gateway => _gateway!.Address;

    public async Task InitializeAsync()
    {
        Browser = await Chromium.LaunchAsync(_profile);
        // Made only once the browser runs: a fixture that fails to start leaves nothing behind.
        _serve = new ServeFixture(new Dictionary<string, string?> { ["Api:TrustTenantHeader"] = "true" });
        await _serve.InitializeAsync();
        _gateway = await GatewayProcess.StartAsync(_serve.Client.BaseAddress!, Key, Tenant);
        Client = new HttpClient { BaseAddress = _gateway.Address, Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public Task<DashboardPage> OpenAsync(string fragment) =>
        DashboardPage.OpenAsync(Browser, new Uri(Gateway, $"/dashboard/{fragment}"));

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (Browser is not null)
            await Browser.DisposeAsync();
        if (_serve is not null)
            await _serve.DisposeAsync();
        _profile.Delete(recursive: true);
    }
}
