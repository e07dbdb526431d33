using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>The task API as a test calls it.</summary>
public static class TaskApiClient
{
    public static async Task<HttpResponseMessage> PostTaskAsync(this HttpClient client, string path, JsonNode body, string? tenant = null)
    {
        var request = HostileRequests.Request(HttpMethod.Post, path, ApiSamples.Json(body.ToJsonString()));
        if (tenant is not null)
            HostileRequests.Tenant(request, tenant);
        return await client.SendAsync(request);
    }

    /// <summary>Posts a coverage task and checks the 202 answer; the task's id.</summary>
    public static async Task<Guid> SubmitCoverageAsync(this HttpClient client, JsonNode body, string? tenant = null)
    {
        using var response = await client.PostTaskAsync("/optimization/coverage", body, tenant);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var accepted = JsonDocument.Parse(text).RootElement;
        accepted.GetProperty("status").GetString().ShouldBe("pending");
        accepted.GetProperty("estimated_time_seconds").GetInt32().ShouldBeGreaterThan(0);
        var taskId = accepted.GetProperty("task_id").GetGuid();
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/tasks/{taskId}");
        return taskId;
    }

    public static Task<JsonElement> GetTaskAsync(this HttpClient client, Guid taskId, string? tenant = null) =>
        client.GetJsonAsync($"/tasks/{taskId}", tenant);
}
