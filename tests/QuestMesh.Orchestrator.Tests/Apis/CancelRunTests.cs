using System.Net;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>DELETE /api/runs/{id}: the run ends as cancelled, its event stream says so and closes.</summary>
public sealed class CancelRunTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_cancel_a_running_run_and_end_its_event_stream()
    {
        var client = api.CreateClient();
        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson(), tenant: "acme");
        await client.WaitForRunAsync(runId, r => r.Status() == "running", Deadline, "acme");
        var stream = client.ReadEventsAsync(runId, Deadline, "acme");

        using (var cancel = await client.SendAsync(HostileRequests.Tenant(HostileRequests.Request(HttpMethod.Delete, $"/api/runs/{runId}"), "acme")))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            cancel.Headers.Location!.OriginalString.ShouldBe($"/api/runs/{runId}");
        }

        var events = await stream;
        events.Select(e => e.Event).ShouldBe(["step", "step", "end"]);
        events[0].Data.GetProperty("state").GetString().ShouldBe("Generating");
        events[1].Data.GetProperty("state").GetString().ShouldBe("Cancelled");
        events[2].Data.GetProperty("status").GetString().ShouldBe("cancelled");
        events[0].Id.ShouldBe(runId.ToString());

        var run = await client.GetJsonAsync($"/api/runs/{runId}", "acme");
        run.Status().ShouldBe("cancelled");
        run.GetProperty("terminationReason").GetString().ShouldBe("cancelled");
        run.GetProperty("finishedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);

        using var again = await client.SendAsync(HostileRequests.Tenant(HostileRequests.Request(HttpMethod.Delete, $"/api/runs/{runId}"), "acme"));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_replay_a_finished_run_then_end_and_resume_after_the_last_event_id()
    {
        var client = api.CreateClient();
        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson(), tenant: "acme");
        await client.WaitForRunAsync(runId, r => r.Status() == "running", Deadline, "acme");
        (await client.SendAsync(HostileRequests.Tenant(HostileRequests.Request(HttpMethod.Delete, $"/api/runs/{runId}"), "acme"))).Dispose();
        await client.WaitForRunAsync(runId, r => r.Status() == "cancelled", Deadline, "acme");

        // The saga shows the run cancelled as it changes state; the step that says so is written to events.log just after.
        var replay = await client.ReadEventsAsync(runId, Deadline, "acme");
        for (var until = DateTime.UtcNow + Deadline; replay.Count(e => e.Event == "step") < 2 && DateTime.UtcNow < until;)
        {
            await Task.Delay(100);
            replay = await client.ReadEventsAsync(runId, Deadline, "acme");
        }
        var resumed = await client.ReadEventsAsync(runId, Deadline, "acme", lastEventId: replay[0].Id);

        replay.Select(e => e.Event).ShouldBe(["step", "step", "end"]);
        resumed.Select(e => e.Event).ShouldBe(["step", "end"]);
        resumed[0].Id.ShouldBe(replay[1].Id);
    }
}
