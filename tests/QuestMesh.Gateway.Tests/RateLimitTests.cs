using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuestMesh.Gateway.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private RecordingBackend _backend = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await RecordingBackend.StartAsync();
        _gateway = new GatewayFactory(_backend.Address, new Dictionary<string, string?> { ["Gateway:ApiKeys:0:RequestsPerMinute"] = "3" });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_Retry_After_while_other_keys_go_on()
    {
        var acme = _gateway.CreateClient();
        acme.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.AcmeKey);
        var globex = _gateway.CreateClient();
        globex.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.GlobexKey);

        for (var i = 0; i < 3; i++)
            (await acme.GetAsync("/api/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await acme.GetAsync("/api/runs");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        (await globex.GetAsync("/api/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _backend.Received.Count.ShouldBe(4);
    }
}
