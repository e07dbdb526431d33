using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Serve;

/// <summary>
/// A whole-repository run through the API of <c>questmesh serve</c>: samples/storefront uploaded as an archive,
/// <c>POST /api/runs</c> without a target file, two module runs at once, followed at <c>/api/repository-runs/{id}</c>.
/// </summary>
public sealed class RepositoryRunApiTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Should_run_an_uploaded_repository_module_by_module_and_serve_its_reports_and_gate()
    {
        var client = serve.Client;
        var sha = await UploadStorefrontAsync(client);
        var body = $$$"""
            {"source":{"kind":"archive","archiveSha256":"{{{sha}}}"},
             "settings":{"strategy":"search","searchBudgetSeconds":3,"maxAttempts":1,"maxMutants":10},
             "repository":{"parallel":2,"moduleBudgetSeconds":300,"minCoverage":60,"minDelta":20}}
            """;

        using var submitted = await client.PostAsync("/api/runs", ApiSamples.Json(body));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();
        submitted.Headers.Location!.ToString().ShouldBe($"/api/repository-runs/{runId}");
        var run = await client.WaitForAsync($"/api/repository-runs/{runId}",
            r => r.Status() is "completed" or "failed", RunDeadline);

        run.Status().ShouldBe("completed", run.ToString());
        run.GetProperty("pythonRoot").GetString().ShouldBe("backend");
        run.GetProperty("before").GetDouble().ShouldBe(40.9, 0.05);
        run.GetProperty("after").GetDouble().ShouldBeGreaterThan(run.GetProperty("before").GetDouble() + 20);
        run.GetProperty("gatePassed").GetBoolean().ShouldBeTrue();
        var modules = run.GetProperty("modules").EnumerateArray().ToList();
        modules.Select(m => m.GetProperty("path").GetString()).ShouldBe(
            ["backend/app.py", "backend/orders/shipping.py", "backend/orders/cart.py", "backend/inventory/stock.py"], ignoreOrder: true);
        foreach (var module in modules)
        {
            module.Status().ShouldBe("completed");
            var moduleRun = await client.GetJsonAsync($"/api/runs/{module.GetProperty("runId").GetGuid()}");
            moduleRun.Status().ShouldBe("completed");
            moduleRun.GetProperty("targetFile").GetString().ShouldBe(module.GetProperty("path").GetString()!["backend/".Length..],
                "a module run's project is the Python root, not the whole repository");
        }

        var names = (await client.GetJsonAsync($"/api/repository-runs/{runId}/artifacts")).GetProperty("artifacts").EnumerateArray()
            .Select(a => a.GetProperty("name").GetString()!).ToList();
        names.ShouldContain("coverage_gaps.json");
        names.ShouldContain("coverage.xml");
        names.ShouldContain("test-results.xml");
        names.ShouldContain("summary.md");
        names.ShouldContain("iteration_report.json");
        names.ShouldContain("htmlcov/index.html");
        names.ShouldContain("tests/generated/_manifest.json");
        names.Count(n => n.StartsWith("tests/generated/test_", StringComparison.Ordinal)).ShouldBe(4);
        var cobertura = XDocument.Parse(await client.GetStringAsync($"/api/repository-runs/{runId}/artifacts/coverage.xml"));
        cobertura.Root!.Name.LocalName.ShouldBe("coverage");
        (await client.GetStringAsync($"/api/repository-runs/{runId}/artifacts/summary.md")).ShouldContain("40.9 %");
        using (var unknown = await client.GetAsync($"/api/repository-runs/{runId}/artifacts/secrets.txt"))
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> UploadStorefrontAsync(HttpClient client)
    {
        var root = Path.Combine(ApiSamples.RepositoryRoot(), "samples", "storefront");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), (string?)File.ReadAllText(f), 0L))
            .ToArray();
        var archive = ApiSamples.TarGz(files);
        using var response = await client.PostAsync("/api/sources", ApiSamples.Gzip(archive));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Convert.ToHexStringLower(SHA256.HashData(archive));
    }
}
