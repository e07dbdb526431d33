using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace QuestMesh.Standalone.Repository;

public static class RepositoryExtensions
{
    /// <summary>Whole-repository runs in the embedded host: they compose module runs on its bus and run suites through its harness.</summary>
    public static IHostApplicationBuilder AddRepositoryRuns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RepositoryOptions>()
            .BindConfiguration(RepositoryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SuiteMeasurements>();
        builder.Services.AddSingleton<ModuleRunner>();
        builder.Services.AddSingleton<CombinedSuite>();
        builder.Services.AddSingleton<RepositoryRun>();
        builder.Services.AddSingleton<BranchPusher>();
        return builder;
    }
}
