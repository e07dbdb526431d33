using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuestMesh.Python.Environments;
using QuestMesh.Python.Sandboxing;
using QuestMesh.Python.Workspaces;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Python;

public static class PythonServiceCollectionExtensions
{
    /// <summary>The interpreter probe, the harness client, workspaces and their sources; safe to call from every service.</summary>
    public static IServiceCollection AddQuestMeshPython(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(HarnessClient)))
            return services;
        services.AddQuestMeshOptions<PythonOptions>(PythonOptions.Section);
        services.AddQuestMeshOptions<SandboxOptions>(SandboxOptions.Section);
        services.AddQuestMeshOptions<SourceOptions>(SourceOptions.Section);
        services.AddQuestMeshOptions<DependencyOptions>(DependencyOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton<Sandbox>();
        services.AddSingleton<PythonEnvironment>();
        services.AddSingleton<WorkspaceRuntimes>();
        services.AddSingleton<HarnessClient>();
        services.AddSingleton<DependencyEnvironments>();
        services.AddSingleton<WorkspaceProvider>();
        AddSources(services);
        return services;
    }

    // Git and archive sources: one TreeCache so every fetch and unpack of this worker shares its locks.
    private static void AddSources(IServiceCollection services)
    {
        services.AddSingleton<TreeCache>();
        services.AddSingleton<GitCli>();
        services.AddSingleton<GitRefResolver>();
        services.AddSingleton<GitSourceCache>();
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ArchiveExtractor>();
        services.AddSingleton<ArchiveSourceCache>();
    }
}
