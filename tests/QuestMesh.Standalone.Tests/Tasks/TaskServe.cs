using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Orchestrator.Tasks;
using QuestMesh.Standalone.Hosting;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Tasks;

/// <summary>
/// <c>questmesh serve</c> in this process (every service on the in-memory bus, Kestrel on a free loopback
/// port) for the task API, with the settings a test gives (a model endpoint, or none).
/// </summary>
public sealed class TaskServe : IAsyncDisposable
{
    private static readonly TimeSpan TaskDeadline = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _root;
    private readonly WebApplication _app;

    private TaskServe(DirectoryInfo root, WebApplication app, HttpClient client)
    {
        _root = root;
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<TaskServe> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var root = Directory.CreateTempSubdirectory("questmesh-task-serve-");
        var all = new Dictionary<string, string?>(HostileRequests.Limits)
        {
            ["Orchestrator:ArtifactsRoot"] = Path.Combine(root.FullName, "artifacts"),
            ["Sources:ArchiveRoot"] = Path.Combine(root.FullName, "archives"),
            ["Sources:CacheRoot"] = Path.Combine(root.FullName, "cache"),
            ["Python:Interpreter"] = "/usr/bin/python3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = ServeHost.Build(["http://127.0.0.1:0"], all);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TaskServe(root, app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) });
    }

    /// <summary>Posts a coverage task (202) and returns the task once it has ended, woken by the store's signal, not by polling.</summary>
    public async Task<JsonElement> CoverageAsync(JsonNode body)
    {
        using var response = await Client.PostAsync("/optimization/coverage", ApiSamples.Json(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var accepted = JsonDocument.Parse(text).RootElement;
        accepted.GetProperty("status").GetString().ShouldBe("pending");
        return await EndedAsync(accepted.GetProperty("task_id").GetGuid());
    }

    public async Task<JsonElement> EndedAsync(Guid taskId)
    {
        var signals = _app.Services.GetRequiredService<TaskEndSignals>();
        // Listening before looking: a task that ends in between is seen by the look, one that ends later wakes the wait.
        var ended = signals.WaitAsync(taskId, TaskDeadline, CancellationToken.None);
        var task = await Client.GetJsonAsync($"/tasks/{taskId}");
        if (task.GetProperty("status").GetString() is "completed" or "failed")
            return task;
        await ended;
        task = await Client.GetJsonAsync($"/tasks/{taskId}");
        task.GetProperty("status").GetString().ShouldBeOneOf(["completed", "failed"], $"the task did not end within {TaskDeadline}: {task}");
        return task;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
