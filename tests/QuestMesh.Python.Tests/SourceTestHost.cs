using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

/// <summary>The source services as a worker registers them, over a temporary cache and archive root of their own.</summary>
public sealed class SourceTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public SourceTestHost(Action<SourceOptions>? configure = null)
    {
        Root = Directory.CreateTempSubdirectory("qm-sources-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddQuestMeshPython();
        services.Configure<SourceOptions>(options =>
        {
            options.CacheRoot = Path.Combine(Root, "cache");
            options.ArchiveRoot = Path.Combine(Root, "archives");
            options.GitTimeoutSeconds = 60;
            configure?.Invoke(options);
        });
        services.Configure<PythonOptions>(options => options.WorkRoot = Path.Combine(Root, "work"));
        _services = services.BuildServiceProvider();
    }

    public string Root { get; }
    public string CacheRoot => Path.Combine(Root, "cache");
    public string ArchiveRoot => Path.Combine(Root, "archives");
    public WorkspaceProvider Workspaces => _services.GetRequiredService<WorkspaceProvider>();
    public ArchiveStore Archives => _services.GetRequiredService<ArchiveStore>();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
