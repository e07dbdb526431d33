using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Standalone.Hosting;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Serve;

/// <summary>
/// What <c>questmesh serve</c> runs, in this process: every service on the in-memory bus behind the runs
/// API, on Kestrel at a free loopback port, with the shared test limits and private folders.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("questmesh-serve-test-");
    private readonly IReadOnlyDictionary<string, string?> _overrides;
    private WebApplication? _app;

    public ServeFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>With settings of its own on top (internal: a class fixture has one public constructor).</summary>
    internal ServeFixture(IReadOnlyDictionary<string, string?> overrides) => _overrides = overrides;

    public HttpClient Client { get; private set; } = null!;

    public string ArtifactsRoot => Path.Combine(_root.FullName, "artifacts");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(HostileRequests.Limits)
        {
            ["Orchestrator:ArtifactsRoot"] = ArtifactsRoot,
            ["Sources:ArchiveRoot"] = Path.Combine(_root.FullName, "archives"),
            ["Sources:CacheRoot"] = Path.Combine(_root.FullName, "cache"),
            ["Python:Interpreter"] = "/usr/bin/python3",
        };
        foreach (var (key, value) in _overrides)
            settings[key] = value;
        _app = ServeHost.Build(["http://127.0.0.1:0"], settings);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _root.Delete(recursive: true);
    }
}
