using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>GET /api/runs: the tenant's runs newest first, filtered by status, in pages.</summary>
public sealed class RunListTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    private const string Tenant = "lister";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_page_and_filter_by_status_newest_first()
    {
        var client = api.CreateClient();
        var first = await client.SubmitAsync(HostileRequests.GoodRunJson(), Tenant);
        var second = await client.SubmitAsync(HostileRequests.GoodRunJson(), Tenant);
        var third = await client.SubmitAsync(HostileRequests.GoodRunJson(), Tenant);
        foreach (var run in new[] { first, second, third })
            await client.WaitForRunAsync(run, r => r.Status() == "running", Deadline, Tenant);
        (await client.SendAsync(HostileRequests.Tenant(HostileRequests.Request(HttpMethod.Delete, $"/api/runs/{second}"), Tenant))).Dispose();
        await client.WaitForRunAsync(second, r => r.Status() == "cancelled", Deadline, Tenant);

        var all = await client.GetJsonAsync("/api/runs", Tenant);
        var pageOne = await client.GetJsonAsync("/api/runs?pageSize=2&page=1", Tenant);
        var pageTwo = await client.GetJsonAsync("/api/runs?pageSize=2&page=2", Tenant);
        var cancelled = await client.GetJsonAsync("/api/runs?status=cancelled", Tenant);
        var runningOrCancelled = await client.GetJsonAsync("/api/runs?status=running,cancelled", Tenant);
        var running = await client.GetJsonAsync("/api/runs?status=running&status=completed", Tenant);

        Ids(all).ShouldBe([third, second, first]);
        all.GetProperty("total").GetInt32().ShouldBe(3);
        Ids(pageOne).ShouldBe([third, second]);
        Ids(pageTwo).ShouldBe([first]);
        pageTwo.GetProperty("total").GetInt32().ShouldBe(3);
        Ids(cancelled).ShouldBe([second]);
        Ids(runningOrCancelled).ShouldBe([third, second, first]);
        Ids(running).ShouldBe([third, first]);
        cancelled.GetProperty("items")[0].GetProperty("terminationReason").GetString().ShouldBe("cancelled");
    }

    private static List<Guid> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetGuid()).ToList();
}
