using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The orchestrator's own host in memory, as <see cref="Apis.OrchestratorApiFactory"/> has it, with the
/// task API on a clock the test moves, the tenant header trusted (as behind the gateway), and no generator:
/// a test that wants one plays it on the bus (<see cref="FakeGenerator"/>).
/// </summary>
public sealed class TaskApiFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("questmesh-task-api-test-");

    public ManualClock Clock { get; } = new();

    public IBus Bus => Services.GetRequiredService<IBus>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>(HostileRequests.Limits)
        {
            ["Bus:Transport"] = "InMemory",
            ["Persistence:Provider"] = "InMemory",
            ["Api:TrustTenantHeader"] = "true",
            ["Tasks:GenerationWaitSeconds"] = "0",
            ["Tasks:MaxSourceBytes"] = "4096",
            ["Orchestrator:ArtifactsRoot"] = Path.Combine(_root.FullName, "artifacts"),
            ["Sources:ArchiveRoot"] = Path.Combine(_root.FullName, "archives"),
            ["Sources:CacheRoot"] = Path.Combine(_root.FullName, "cache"),
            ["Python:Interpreter"] = "/usr/bin/python3",
        };
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _root.Exists)
            _root.Delete(recursive: true);
    }
}
