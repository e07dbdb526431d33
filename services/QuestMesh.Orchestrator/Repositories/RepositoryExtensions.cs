using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QuestMesh.Orchestrator.Runs;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.Repositories;

public static class RepositoryExtensions
{
    /// <summary>
    /// Whole-repository runs, for the command line and the API alike: they survey and measure the repository through
    /// this host's harness (in the sandbox), publish module runs on the bus (the run saga and whichever workers are
    /// free take them) and follow them through <see cref="RunWatcher"/>, whose consumer listens on an endpoint of this
    /// process's own, so every process hears the runs it waits for.
    /// </summary>
    public static IHostApplicationBuilder AddRepositoryRuns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RepositoryRun)))
            return builder;
        services.AddOptions<RepositoryOptions>()
            .BindConfiguration(RepositoryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddQuestMeshPython();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SuiteMeasurements>();
        services.AddSingleton<ModuleRunner>();
        services.AddSingleton<CombinedSuite>();
        services.AddSingleton<RepositoryArtifacts>();
        services.AddSingleton<RepositoryRun>();
        services.AddSingleton<RunWatcher>();
        var instance = NewId.NextGuid().ToString("N")[..12];
        services.AddQuestMeshConsumers(x => x.AddConsumer<RunProgressConsumer>().Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = instance;
        }));
        return builder;
    }
}
