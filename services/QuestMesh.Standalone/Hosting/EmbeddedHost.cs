using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Fixer;
using QuestMesh.Generator;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Runner;
using QuestMesh.ServiceDefaults;
using QuestMesh.StaticAnalysis;
using QuestMesh.Supervisor;

namespace QuestMesh.Standalone.Hosting;

/// <summary>Every service and the run saga in one process, on the in-memory bus.</summary>
public static class EmbeddedHost
{
    public static IHost Build(IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The command's own output goes to stdout; logs go to stderr, warnings and worse only.
            ["Logging:Console:StandardError"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.Configuration.AddEnvironmentVariables("QUESTMESH_");
        if (overrides is not null)
            builder.Configuration.AddInMemoryCollection(overrides);

        builder.AddServiceDefaults();
        // Before AddOrchestrator, whose file store is only the default.
        builder.Services.AddSingleton<FileArtifactStore>();
        builder.Services.AddSingleton<IArtifactStore, WatchedArtifactStore>();
        builder.AddOrchestrator();
        builder.AddGenerator();
        builder.AddStaticAnalysis();
        builder.AddRunner();
        builder.AddSupervisor();
        builder.AddFixer();
        builder.Services.AddSingleton<RunWatcher>();
        builder.AddQuestMeshBus(x => x.AddConsumer<RunProgressConsumer>());
        return builder.Build();
    }
}
