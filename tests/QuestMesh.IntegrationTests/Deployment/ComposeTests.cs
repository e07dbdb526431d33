using QuestMesh.IntegrationTests.Support;
using QuestMesh.Tests.Shared.Api;
using Xunit.Abstractions;

namespace QuestMesh.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml as a user starts it: the images built from deploy/docker/Dockerfile, every service
/// started in health order with two runners, and a run submitted through the gateway's published port.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class ComposeTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_complete_a_run_submitted_through_the_gateway()
    {
        await using var compose = await ComposeProject.UpAsync(infrastructure.Settings, output.WriteLine);

        var runId = await compose.Gateway.SubmitAsync(ApiSamples.GoodRun(searchBudgetSeconds: 10).ToJsonString());
        // The run's event stream ends with the run: one request instead of polling against the key's rate limit.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var events = await compose.Gateway.ReadEventsAsync(runId, TimeSpan.FromMinutes(5));
        output.WriteLine($"the run ended in {clock.Elapsed.TotalSeconds:0.0} s after {events.Count} events");
        var run = await compose.Gateway.GetJsonAsync($"/api/runs/{runId}");

        events[^1].Event.ShouldBe("end");
        run.Status().ShouldBe("completed", $"{run}\n{await compose.LogsAsync()}");
        (await compose.Gateway.GetJsonAsync($"/api/runs/{runId}/artifacts")).ToString().ShouldContain("run_summary.json");
        (await compose.ContainersAsync("runner")).Count.ShouldBe(2);
        (await compose.LogsAsync("runner")).ShouldContain("Sandbox: bubblewrap");
        (await compose.ExecAsync("gateway", "id", "-u")).Trim().ShouldBe("1654");
    }
}
