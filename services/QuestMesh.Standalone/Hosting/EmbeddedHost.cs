using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Fixer;
using QuestMesh.Generator;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Runner;
using QuestMesh.ServiceDefaults;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Standalone.Repository;
using QuestMesh.StaticAnalysis;
using QuestMesh.Supervisor;

namespace QuestMesh.Standalone.Hosting;

/// <summary>Every service and the run saga in one process, on the in-memory bus.</summary>
public static class EmbeddedHost
{
    /// <param name="overrides">Settings over every other source.</param>
    /// <param name="services">Registrations added last (a test's telemetry exporter, say).</param>
    public static IHost Build(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        AddConfiguration(builder.Configuration, new Dictionary<string, string?>
        {
            // The command's own output goes to stdout; logs go to stderr, warnings and worse only.
            ["Logging:Console:StandardError"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }, overrides);

        builder.AddServiceDefaults();
        // Before AddOrchestrator, whose file store is only the default.
        builder.Services.AddSingleton<FileArtifactStore>();
        builder.Services.AddSingleton<IArtifactStore, WatchedArtifactStore>();
        builder.AddEveryService();
        builder.AddRepositoryRuns();
        builder.Services.AddSingleton<BranchPusher>();
        builder.AddQuestMeshBus();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The embedded hosts' settings over appsettings.json next to questmesh.dll: the host's own
    /// <paramref name="defaults"/>, then <c>QUESTMESH_</c> environment variables, then <paramref name="overrides"/>.
    /// </summary>
    public static void AddConfiguration(IConfigurationManager configuration, IDictionary<string, string?> defaults,
        IDictionary<string, string?>? overrides)
    {
        configuration.AddInMemoryCollection(defaults);
        configuration.AddEnvironmentVariables("QUESTMESH_");
        if (overrides is not null)
            configuration.AddInMemoryCollection(overrides);
    }

    /// <summary>The orchestrator and every worker service, as their own hosts compose them.</summary>
    public static IHostApplicationBuilder AddEveryService(this IHostApplicationBuilder builder)
    {
        builder.AddOrchestrator();
        builder.AddGenerator();
        builder.AddStaticAnalysis();
        builder.AddRunner();
        builder.AddSupervisor();
        builder.AddFixer();
        return builder;
    }
}
