using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using QuestMesh.Orchestrator.Apis;
using QuestMesh.Orchestrator.Dashboard;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Standalone.Hosting;

/// <summary>
/// <c>questmesh serve</c>: the runs and task APIs of the orchestrator's own host over every service in one process,
/// on the in-memory bus, with runs in memory and artifacts on disk. No tenant header is trusted.
/// </summary>
public static class ServeHost
{
    public static WebApplication Build(IReadOnlyList<string> urls, IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        EmbeddedHost.AddConfiguration(builder.Configuration, new Dictionary<string, string?>
        {
            // Standard output is the command's own (where it listens, that it stopped); logs go to stderr.
            ["Logging:Console:StandardError"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }, overrides);
        builder.WebHost.UseUrls([.. urls]);

        builder.AddServiceDefaults();
        builder.AddEveryService();
        builder.AddRunsApi();
        builder.AddTasksApi();
        builder.AddQuestMeshBus();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRunsApi();
        app.MapTasksApi();
        app.MapDashboard();
        return app;
    }
}
