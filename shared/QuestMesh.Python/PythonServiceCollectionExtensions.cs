using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Python.Sandboxing;
using QuestMesh.Python.Workspaces;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Python;

public static class PythonServiceCollectionExtensions
{
    /// <summary>The interpreter probe, the harness client and workspaces; safe to call from every service.</summary>
    public static IServiceCollection AddQuestMeshPython(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(HarnessClient)))
            return services;
        services.AddQuestMeshOptions<PythonOptions>(PythonOptions.Section);
        services.AddQuestMeshOptions<SandboxOptions>(SandboxOptions.Section);
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton<Sandbox>();
        services.AddSingleton<PythonEnvironment>();
        services.AddSingleton<HarnessClient>();
        services.AddSingleton<WorkspaceProvider>();
        return services;
    }
}
