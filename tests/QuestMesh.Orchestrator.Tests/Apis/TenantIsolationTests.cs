using System.Net;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>Behind the gateway each tenant sees its own runs only; another tenant's run does not exist for it.</summary>
public sealed class TenantIsolationTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    [Fact]
    public async Task Should_hide_a_run_from_every_other_tenant()
    {
        var client = api.CreateClient();
        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson(), tenant: "acme");
        await client.WaitForRunAsync(runId, r => r.Status() == "running", TimeSpan.FromSeconds(30), tenant: "acme");

        (await client.GetJsonAsync($"/api/runs/{runId}/artifacts", "acme")).GetProperty("artifacts").GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var stranger in new[] { "globex", null })
        {
            foreach (var (method, path) in new[]
                     {
                         (HttpMethod.Get, $"/api/runs/{runId}"), (HttpMethod.Delete, $"/api/runs/{runId}"),
                         (HttpMethod.Get, $"/api/runs/{runId}/artifacts"), (HttpMethod.Get, $"/api/runs/{runId}/artifacts/events.log"),
                         (HttpMethod.Get, $"/api/runs/{runId}/events"),
                     })
            {
                var request = HostileRequests.Request(method, path);
                if (stranger is not null)
                    HostileRequests.Tenant(request, stranger);
                using var response = await client.SendAsync(request);
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, because: $"{method} {path} as {stranger ?? "no tenant"}");
            }
            var theirs = await client.GetJsonAsync("/api/runs", stranger);
            theirs.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetGuid()).ShouldNotContain(runId);
        }

        var mine = await client.GetJsonAsync("/api/runs", "acme");
        mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetGuid()).ShouldContain(runId);
        (await client.GetJsonAsync($"/api/runs/{runId}", "acme")).Status().ShouldBe("running");
    }
}
