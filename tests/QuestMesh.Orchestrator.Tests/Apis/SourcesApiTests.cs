using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>POST /api/sources keeps a tar.gz by its sha256; a run names it as its source.</summary>
public sealed class SourcesApiTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    [Fact]
    public async Task Should_store_an_archive_by_its_sha256_and_start_a_run_from_it()
    {
        var client = api.CreateClient();
        var archive = ApiSamples.ShopArchive();
        var sha = Convert.ToHexStringLower(SHA256.HashData(archive));

        var raw = await Upload(client, ApiSamples.Gzip(archive));
        var file = new ByteArrayContent(archive);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        var form = await Upload(client, new MultipartFormDataContent { { file, "file", "project.tar.gz" } });
        var runId = await client.SubmitAsync(
            $$$"""{"source":{"kind":"archive","archiveSha256":"{{{sha.ToUpperInvariant()}}}"},"targetFile":"shop/pricing.py","settings":{"maxAttempts":1}}""");

        raw.ShouldBe(sha);
        form.ShouldBe(sha);
        var run = await client.WaitForRunAsync(runId, r => r.Status() == "running", TimeSpan.FromSeconds(30));
        run.GetProperty("source").GetProperty("kind").GetString().ShouldBe("archive");
        run.GetProperty("source").GetProperty("archiveSha256").GetString().ShouldBe(sha);
    }

    private static async Task<string> Upload(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/api/sources", content);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("sha256").GetString()!;
    }
}
