using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>
/// The orchestrator's own host (questmesh-orchestrator) in memory: its Program with the in-memory bus and
/// saga repository instead of RabbitMQ and PostgreSQL, no workers (runs stay in their first step until
/// cancelled), small request limits, and private folders for artifacts and archives.
/// </summary>
public class OrchestratorApiFactory(bool trustTenantHeader) : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("questmesh-api-test-");
    private readonly SemaphoreSlim _ownRunGate = new(1, 1);
    private Guid? _ownRun;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>(HostileRequests.Limits)
        {
            ["Bus:Transport"] = "InMemory",
            ["Persistence:Provider"] = "InMemory",
            ["Api:TrustTenantHeader"] = trustTenantHeader ? "true" : "false",
            ["Api:EventsKeepAlive"] = "00:00:01",
            ["Orchestrator:ArtifactsRoot"] = Path.Combine(_root.FullName, "artifacts"),
            ["Sources:ArchiveRoot"] = Path.Combine(_root.FullName, "archives"),
            ["Sources:CacheRoot"] = Path.Combine(_root.FullName, "cache"),
        };
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A run of the caller without a tenant header, started by the saga (it waits in Generating: no workers here).</summary>
    public async Task<Guid> OwnRunAsync()
    {
        await _ownRunGate.WaitAsync();
        try
        {
            if (_ownRun is { } run)
                return run;
            var client = CreateClient();
            var id = await client.SubmitAsync(HostileRequests.GoodRunJson());
            await client.WaitForRunAsync(id, r => r.Status() == "running", TimeSpan.FromSeconds(30));
            _ownRun = id;
            return id;
        }
        finally
        {
            _ownRunGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _root.Exists)
            _root.Delete(recursive: true);
    }
}

/// <summary>The orchestrator as deployed behind the gateway: the tenant header is trusted.</summary>
public sealed class TrustedApiFactory() : OrchestratorApiFactory(trustTenantHeader: true);

/// <summary>The orchestrator reached without the gateway: no tenant header is believed.</summary>
public sealed class UntrustedApiFactory() : OrchestratorApiFactory(trustTenantHeader: false);
