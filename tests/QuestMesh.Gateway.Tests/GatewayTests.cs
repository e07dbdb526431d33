using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuestMesh.Gateway.Tests;

public sealed class GatewayTests : IAsyncLifetime
{
    private RecordingBackend _backend = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await RecordingBackend.StartAsync();
        _gateway = new GatewayFactory(_backend.Address);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private HttpClient Client(string? key = null)
    {
        var client = _gateway.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_known_key_reaches_the_api_with_its_tenant_and_without_the_key()
    {
        var response = await Client(GatewayFactory.AcmeKey).GetAsync("/api/runs?page=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var received = _backend.Received.Single();
        received.Path.ShouldBe("/api/runs");
        received.Headers["X-QuestMesh-Tenant"].ShouldBe("acme");
        received.Headers.ContainsKey("X-Api-Key").ShouldBeFalse();
    }

    [Fact]
    public async Task A_tenant_header_from_outside_is_replaced_by_the_keys_tenant()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs/0d1e6f6e-1111-2222-3333-444455556666");
        request.Headers.Add("X-Api-Key", GatewayFactory.GlobexKey);
        request.Headers.Add("X-QuestMesh-Tenant", "acme");

        (await Client().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _backend.Received.Single().Headers["X-QuestMesh-Tenant"].ShouldBe("globex");
    }

    [Fact]
    public async Task A_forged_tenant_header_on_an_unauthenticated_route_is_dropped()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Add("X-QuestMesh-Tenant", "acme");

        (await Client().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _backend.Received.Single().Headers.ContainsKey("X-QuestMesh-Tenant").ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "needs an API key")]
    [InlineData("not-a-key-of-ours-at-all", "not known")]
    [InlineData("", "needs an API key")]
    public async Task Without_a_valid_key_the_api_answers_401_problem_details_and_nothing_reaches_the_service(string? key, string detail)
    {
        var client = Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(new { targetFile = "a.py" }) };
        if (key is not null)
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
        _backend.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("POST", "/generation")]
    [InlineData("POST", "/optimization/coverage")]
    [InlineData("GET", "/tasks/0d1e6f6e-1111-2222-3333-444455556666")]
    public async Task The_task_api_is_routed_with_the_keys_tenant_and_refused_without_a_key(string method, string path)
    {
        var refused = await Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { source_code = "x = 1" }) : null });
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _backend.Received.ShouldBeEmpty();

        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { source_code = "x = 1" }) : null };
        request.Headers.Add("X-Api-Key", GatewayFactory.AcmeKey);
        (await Client().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var received = _backend.Received.Single();
        received.Path.ShouldBe(path);
        received.Headers["X-QuestMesh-Tenant"].ShouldBe("acme");
    }

    [Fact]
    public async Task Two_key_headers_are_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Add("X-Api-Key", [GatewayFactory.AcmeKey, GatewayFactory.GlobexKey]);

        var response = await Client().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _backend.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_answers_413_before_it_reaches_the_service()
    {
        var response = await Client(GatewayFactory.AcmeKey).PostAsync("/api/sources", new ByteArrayContent(new byte[5000]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("Gateway:MaxRequestBytes");
        _backend.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_cut_at_the_limit_with_413()
    {
        var content = new StreamContent(new MemoryStream(new byte[5000]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sources") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Api-Key", GatewayFactory.AcmeKey);

        var response = await Client().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        _backend.Received.ShouldAllBe(r => r.BodyLength <= 4096);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_passed_on_whole()
    {
        var response = await Client(GatewayFactory.AcmeKey).PostAsync("/api/sources", new ByteArrayContent(new byte[4000]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _backend.Received.Single().BodyLength.ShouldBe(4000);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/app.js")]
    public async Task The_dashboards_files_are_routed_without_a_key_and_without_a_tenant(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-QuestMesh-Tenant", "acme");

        (await Client().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var received = _backend.Received.Single();
        received.Path.ShouldBe(path);
        received.Headers.ContainsKey("X-QuestMesh-Tenant").ShouldBeFalse();
    }

    [Fact]
    public async Task Ready_names_the_cluster_once_its_only_destination_stops_answering()
    {
        var client = Client();
        (await ReadinessTests.ReadyAsync(client, HttpStatusCode.OK)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _backend.StopAsync();

        var response = await ReadinessTests.ReadyAsync(client, HttpStatusCode.ServiceUnavailable);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
