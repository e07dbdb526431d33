using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>The dashboard's files as the orchestrator's own host serves them (the browser tests use <c>questmesh serve</c>).</summary>
public sealed partial class DashboardFilesTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    [Theory]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/dashboard/index.html", "text/html")]
    [InlineData("/dashboard/app.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task Should_serve_the_files_without_a_tenant_under_a_strict_content_security_policy(string path, string mediaType)
    {
        using var response = await api.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("connect-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Should_serve_every_file_the_page_loads_and_nothing_from_elsewhere()
    {
        var client = api.CreateClient();
        var pending = new Queue<string>(["index.html"]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
                continue;
            using var response = await client.GetAsync($"/dashboard/{file}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, file);
            var text = await response.Content.ReadAsStringAsync();
            foreach (Match reference in References().Matches(text))
            {
                var target = reference.Groups["file"].Value;
                target.ShouldNotContain("//", customMessage: $"{file} loads {target} from elsewhere");
                pending.Enqueue(target.TrimStart('.', '/'));
            }
        }
        seen.ShouldContain("app.js");
        seen.ShouldContain("run.js");
        seen.ShouldContain("highlight.js");
        seen.ShouldContain("dashboard.css");
    }

    [Fact]
    public async Task Should_send_the_bare_path_to_the_folder_with_a_relative_redirect()
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/dashboard");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe("dashboard/");
    }

    [Fact]
    public async Task Should_answer_404_for_a_file_it_does_not_have()
    {
        using var response = await api.CreateClient().GetAsync("/dashboard/secrets.json");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>src="…", href="…" (not fragments, not data:) and ES module imports (from './x.js').</summary>
    [GeneratedRegex("""(?:(?:src|href)="(?!#|data:)(?<file>[^"]+)"|from '(?<file>[^']+)')""")]
    private static partial Regex References();
}
