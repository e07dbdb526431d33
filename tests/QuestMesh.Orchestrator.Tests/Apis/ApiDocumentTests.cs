using System.Net;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>The OpenAPI document, its reference page and the health endpoints of the orchestrator host.</summary>
public sealed class ApiDocumentTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    [Fact]
    public async Task Should_describe_every_endpoint_in_the_openapi_document()
    {
        var document = await api.CreateClient().GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/runs");
        paths.ShouldContain("/api/runs/{runId}");
        paths.ShouldContain("/api/runs/{runId}/artifacts");
        paths.ShouldContain("/api/runs/{runId}/artifacts/{name}");
        paths.ShouldContain("/api/runs/{runId}/events");
        paths.ShouldContain("/api/sources");
        var submit = document.GetProperty("paths").GetProperty("/api/runs").GetProperty("post");
        submit.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        submit.GetProperty("responses").TryGetProperty("202", out _).ShouldBeTrue();
        submit.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/scalar/v1", "text/html")]
    [InlineData("/health/live", "text/plain")]
    [InlineData("/health/ready", "text/plain")]
    public async Task Should_serve(string path, string mediaType)
    {
        using var response = await api.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
    }
}
