using System.Net;
using System.Text.Json;

namespace QuestMesh.Tests.Shared.Api;

/// <summary>The runs API as a test calls it: submit, read a run, wait for a condition (with a deadline), read an event stream.</summary>
public static class ApiClientExtensions
{
    public static async Task<Guid> SubmitAsync(this HttpClient client, string body, string? tenant = null)
    {
        var request = HostileRequests.Request(HttpMethod.Post, "/api/runs", ApiSamples.Json(body));
        if (tenant is not null)
            HostileRequests.Tenant(request, tenant);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var runId = JsonDocument.Parse(text).RootElement.GetProperty("runId").GetGuid();
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/api/runs/{runId}");
        return runId;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, string? tenant = null)
    {
        var request = HostileRequests.Request(HttpMethod.Get, path);
        if (tenant is not null)
            HostileRequests.Tenant(request, tenant);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the run until <paramref name="condition"/> holds; fails with the last answer at the deadline.</summary>
    public static Task<JsonElement> WaitForRunAsync(this HttpClient client, Guid runId, Func<JsonElement, bool> condition,
        TimeSpan deadline, string? tenant = null) =>
        client.WaitForAsync($"/api/runs/{runId}", condition, deadline, tenant);

    /// <summary>Polls <paramref name="path"/> until <paramref name="condition"/> holds; fails with the last answer at the deadline.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, string path, Func<JsonElement, bool> condition,
        TimeSpan deadline, string? tenant = null)
    {
        var until = DateTime.UtcNow + deadline;
        JsonElement answer;
        do
        {
            answer = await client.GetJsonAsync(path, tenant);
            if (condition(answer))
                return answer;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        while (DateTime.UtcNow < until);
        throw new TimeoutException($"{path} did not reach the condition within {deadline}: {answer}");
    }

    public static string Status(this JsonElement run) => run.GetProperty("status").GetString()!;

    /// <summary>The run's event stream to its end: every (event, data) pair, or a failure at the deadline.</summary>
    public static async Task<List<(string Event, string? Id, JsonElement Data)>> ReadEventsAsync(this HttpClient client, Guid runId,
        TimeSpan deadline, string? tenant = null, string? lastEventId = null)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var request = HostileRequests.Request(HttpMethod.Get, $"/api/runs/{runId}/events");
        if (tenant is not null)
            HostileRequests.Tenant(request, tenant);
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string, string?, JsonElement)>();
        string? type = null, id = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line[7..];
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line[6..];
            else if (line.Length == 0 && type is not null && data is not null)
            {
                events.Add((type, id, JsonDocument.Parse(data).RootElement.Clone()));
                type = id = data = null;
            }
        }
        return events;
    }
}
