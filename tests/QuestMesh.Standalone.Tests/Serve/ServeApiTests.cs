using System.Net;
using System.Text.Json;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Serve;

/// <summary>The runs API of <c>questmesh serve</c> with every real service behind it.</summary>
public sealed class ServeApiTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(8);
    private static readonly string[] SeedArtifacts =
    [
        "context.json", "target_code.py", "events.log", "run_summary.json", "attempt_0.test_src.py",
        "attempt_0.static.json", "attempt_0.response.json", "attempt_0.critique.json",
    ];

    [Fact]
    public async Task Should_complete_a_good_inline_run_after_refusing_every_hostile_request_and_serve_its_artifacts_and_events()
    {
        var client = serve.Client;
        var decoy = await CancelledRunAsync(client);
        var hostile = HostileRequests.For(trustedTenant: false).ToList();
        hostile.Count.ShouldBeGreaterThanOrEqualTo(40);
        foreach (var request in hostile)
        {
            using var response = await client.SendAsync(request.Build(decoy));
            await response.ShouldBeProblemAsync(request.Status, request.FieldErrors, request.Name);
        }

        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson());
        var live = await client.ReadEventsAsync(runId, RunDeadline);

        live[^1].Event.ShouldBe("end");
        live[^1].Data.Status().ShouldBe("completed");
        var steps = live.SkipLast(1).ToList();
        steps.ShouldAllBe(e => e.Event == "step");
        steps.Select(e => e.Id).ShouldBeUnique();
        var states = steps.Select(e => e.Data.GetProperty("state").GetString()).ToList();
        states.ShouldContain("Generating");
        states.ShouldContain("Checking");
        states.ShouldContain("Critiquing");
        states[^1].ShouldBe("Completed");

        var run = await client.GetJsonAsync($"/api/runs/{runId}");
        run.Status().ShouldBe("completed");
        run.GetProperty("coverage").GetDouble().ShouldBeGreaterThan(50);
        run.GetProperty("mutationScore").ValueKind.ShouldBe(JsonValueKind.Number);
        run.GetProperty("terminationReason").GetString().ShouldBeOneOf("targets-met", "max-attempts", "no-progress");
        run.GetProperty("attempts").GetArrayLength().ShouldBe(1);

        var names = (await client.GetJsonAsync($"/api/runs/{runId}/artifacts")).GetProperty("artifacts").EnumerateArray()
            .Select(a => a.GetProperty("name").GetString()!).ToList();
        foreach (var seed in SeedArtifacts)
            names.ShouldContain(seed);
        var suite = names.Single(n => n.StartsWith("final/", StringComparison.Ordinal) && n.EndsWith(".py", StringComparison.Ordinal));
        using (var final = await client.GetAsync($"/api/runs/{runId}/artifacts/{suite}"))
        {
            final.StatusCode.ShouldBe(HttpStatusCode.OK);
            final.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
            (await final.Content.ReadAsStringAsync()).ShouldContain("def test_");
        }
        var summary = await client.GetJsonAsync($"/api/runs/{runId}/artifacts/run_summary.json");
        summary.ValueKind.ShouldBe(JsonValueKind.Object);
        File.Exists(Path.Combine(serve.ArtifactsRoot, runId.ToString(), suite)).ShouldBeTrue();

        var replay = await client.ReadEventsAsync(runId, TimeSpan.FromSeconds(30));
        replay.Select(e => e.Id).ShouldBe(live.Select(e => e.Id));
        replay[^1].Data.Status().ShouldBe("completed");
    }

    /// <summary>A run of the caller's own to aim hostile artifact requests at, cancelled so it costs nothing.</summary>
    private static async Task<Guid> CancelledRunAsync(HttpClient client)
    {
        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson());
        await client.WaitForRunAsync(runId, r => r.Status() == "running", TimeSpan.FromSeconds(30));
        (await client.DeleteAsync($"/api/runs/{runId}")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await client.WaitForRunAsync(runId, r => r.Status() == "cancelled", TimeSpan.FromSeconds(30));
        return runId;
    }
}
