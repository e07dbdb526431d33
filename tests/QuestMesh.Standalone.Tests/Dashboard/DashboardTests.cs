using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// The dashboard of <c>questmesh serve</c> in a real headless Chromium, on real runs: the list, a run's page
/// with its chart, and a run followed live from its event stream. Screenshots go to artifacts/dashboard/.
/// </summary>
public sealed class DashboardTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(6);

    /// <summary>A module whose strings are markup: the page must show them as text, never run or render them.</summary>
    private const string HostileModule = """
        '''Greetings whose strings look like markup on purpose.'''

        BANNER = '<img src=x onerror="document.body.dataset.xss = 1">'


        def greet(name: str) -> str:
            '''An empty name gets the banner; a name that starts like a tag gets a script.'''
            if not name:
                return BANNER
            if name.startswith('<'):
                return '<script>document.body.dataset.xss = 2</script>'
            return 'hello ' + name
        """;

    [Fact]
    public async Task Should_list_a_finished_run_with_its_figures_and_filter_it_by_status()
    {
        var runId = await dashboard.FinishedRunAsync();
        var run = await dashboard.Client.GetJsonAsync($"/api/runs/{runId}");
        run.Status().ShouldBe("completed");
        await using var page = await dashboard.OpenAsync("#/");
        var row = $"#runs tr[data-run-id='{runId}']";

        await page.WaitForAsync(row);

        (await page.TextAsync($"{row} [data-field=status]")).ShouldBe("completed");
        (await page.TextAsync($"{row} .target")).ShouldBe(ApiSamples.Target);
        (await page.TextAsync($"{row} [data-field=coverage]")).ShouldBe(Percent(run.GetProperty("coverage")));
        (await page.TextAsync($"{row} [data-field=mutation]")).ShouldBe(Percent(run.GetProperty("mutationScore")));
        (await page.TextAsync($"{row} [data-field=attempts]")).ShouldBe($"{run.GetProperty("attempts").GetArrayLength()}");
        (await page.TextAsync($"{row} [data-field=age]")).ShouldMatch(@"^\d+ (s|min) ago$");
        await page.ScreenshotAsync("runs");

        await page.Page.SelectAsync("#status-filter", "failed");
        await page.WaitUntilAsync("r => location.hash === '#/?status=failed' && document.querySelector('#view').dataset.loaded === 'true' && !document.querySelector(r)",
            TimeSpan.FromSeconds(30), row);
        await page.Page.SelectAsync("#status-filter", "completed");
        await page.WaitUntilAsync("r => location.hash === '#/?status=completed' && document.querySelector(r) !== null", TimeSpan.FromSeconds(30), row);
        await page.ScreenshotAsync("runs-completed");

        page.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_draw_one_chart_point_per_attempt_beside_the_suite_the_critique_and_every_artifact()
    {
        var runId = await dashboard.FinishedRunAsync();
        var run = await dashboard.Client.GetJsonAsync($"/api/runs/{runId}");
        var attempts = run.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()).ToList();
        attempts.Count.ShouldBeGreaterThanOrEqualTo(2, "targets of 100 make the shop run enhance at least once");
        var artifacts = (await dashboard.Client.GetJsonAsync($"/api/runs/{runId}/artifacts")).GetProperty("artifacts").EnumerateArray()
            .Select(a => a.GetProperty("name").GetString()!).ToList();
        var steps = (await dashboard.Client.ReadEventsAsync(runId, TimeSpan.FromSeconds(30))).Count(e => e.Event == "step");
        await using var page = await dashboard.OpenAsync($"#/runs/{runId}");

        await page.WaitForAsync("#view[data-status=completed] #chart svg circle.point.coverage");
        await page.WaitUntilAsync("n => document.querySelectorAll('#artifact-links a').length === n && document.querySelector('#suite-code .code') !== null",
            TimeSpan.FromSeconds(30), artifacts.Count);

        (await page.CountAsync("#chart svg circle.point.coverage")).ShouldBe(attempts.Count);
        (await page.CountAsync("#chart svg circle.point.mutation")).ShouldBe(attempts.Count);
        (await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('#chart circle.point.coverage')].map(c => Number(c.dataset.attempt))"))
            .ShouldBe(attempts);
        (await page.CountAsync("#attempts tbody tr")).ShouldBe(attempts.Count);
        (await page.CountAsync("#steps li")).ShouldBe(steps);

        var suite = await page.EvaluateAsync<string>("() => document.querySelector('#suite-code').dataset.name");
        suite.ShouldStartWith("final/");
        (await page.TextAsync("#suite-code .source")).ShouldBe(await dashboard.Client.GetStringAsync($"/api/runs/{runId}/artifacts/{suite}"));
        (await page.CountAsync("#suite-code .tok-keyword")).ShouldBeGreaterThan(0);
        (await page.CountAsync("#suite-code .tok-function")).ShouldBeGreaterThan(0);

        (await page.CountAsync("#critique-attempt option")).ShouldBe(artifacts.Count(a => a.EndsWith(".critique.json", StringComparison.Ordinal)));
        (await page.CountAsync("#critique-body .critique .route")).ShouldBe(1);
        (await page.CountAsync("#fix-body .fix-report")).ShouldBe(artifacts.Count(a => a.EndsWith(".fix_report.json", StringComparison.Ordinal)));
        (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#artifact-links a')].map(a => a.dataset.name)")).ShouldBe(artifacts);
        await page.ScreenshotAsync("run");

        await page.ClickAsync("#artifact-links a[data-name='run_summary.json']");
        await page.WaitUntilAsync("id => document.querySelector('#artifact-viewer pre')?.textContent.includes(id)", TimeSpan.FromSeconds(30), runId.ToString());
        await page.ScreenshotAsync("run-artifact");

        page.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_follow_a_running_run_live_without_a_reload_and_show_its_markup_as_text()
    {
        var runId = await dashboard.Client.SubmitAsync(HostileRun());
        await using var page = await dashboard.OpenAsync($"#/runs/{runId}");
        await page.WaitForAsync("#view[data-status] #chart svg");
        var first = await page.EvaluateAsync<string>("() => document.querySelector('#view').dataset.status");
        first.ShouldBeOneOf(["pending", "running"], "the run had ended before its page opened, so nothing could be seen live");
        var stepsAtFirst = await page.CountAsync("#steps li");
        await page.EvaluateAsync<bool>("() => window.sameDocument = true");
        await page.ScreenshotAsync("run-live-start");

        await page.WaitUntilAsync("() => window.sameDocument === true && document.querySelector('#view').dataset.status === 'completed'"
            + " && document.querySelector('#suite-code').dataset.name?.startsWith('final/')", RunDeadline);

        var run = await dashboard.Client.GetJsonAsync($"/api/runs/{runId}");
        run.Status().ShouldBe("completed");
        await page.WaitUntilAsync("n => document.querySelectorAll('#chart circle.point.coverage').length === n", TimeSpan.FromSeconds(30),
            run.GetProperty("attempts").GetArrayLength());
        (await page.TextAsync("#view .run-head [data-field=status]")).ShouldBe("completed");
        (await page.CountAsync("#steps li")).ShouldBeGreaterThan(stepsAtFirst);
        (await page.TextAsync("#steps li:last-child .state")).ShouldBe("Completed");
        await page.ScreenshotAsync("run-live-end");

        await page.ClickAsync("#artifact-links a[data-name='target_code.py']");
        await page.WaitForAsync("#artifact-viewer .code");
        (await page.TextAsync("#artifact-viewer .source")).ShouldContain("'<img src=x onerror=\"document.body.dataset.xss = 1\">'");
        (await page.TextAsync("#artifact-viewer .source")).ShouldContain("<script>document.body.dataset.xss = 2</script>");
        (await page.CountAsync("#view img, #view script")).ShouldBe(0);
        (await page.EvaluateAsync<bool>("() => document.body.dataset.xss === undefined")).ShouldBeTrue();
        await page.ScreenshotAsync("run-markup-as-text");

        page.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_render_a_fix_report_and_the_models_suggestions_as_text()
    {
        await using var page = await dashboard.OpenAsync("#/");
        await page.WaitForAsync("#runs");

        // The page's own modules, given documents in the artifacts' shapes whose every string is markup.
        var shown = await page.EvaluateAsync<string[]>("""
            async () => {
              const { fixReportView, critiqueView } = await import('./reports.js');
              const tag = '<img src=x onerror="document.body.dataset.xss = 3">';
              const fix = fixReportView({ attempt: 1, rounds: [{ round: 0, failing_before: 2, failing_after: 1, runs: 3, duration_seconds: 1.5,
                error: null, actions: [{ test: `test_${tag}`, kind: 'test-mistake', category: 'wrong-assertion', action: 'repaired',
                  detail: tag, failure: `AssertionError: ${tag}` }] }] });
              const critique = critiqueView({ failing_tests: true, deltas: { coverage: 1.5, mutation: -2 }, instructions: [tag],
                missing_lines: [3, 4], missing_branches: [{ from: 3, to: 5, source: tag }],
                surviving_mutants: [{ line: 4, function: 'f', original: '<', mutated: '<=', operator: 'cmp' }],
                llm_suggestions: { missing_tests: [tag], risky: [] }, route: { decision: 'FIX', reason: null, why: tag } });
              document.querySelector('#view').append(fix, critique);
              return [fix.textContent, critique.textContent, String(document.querySelectorAll('#view img').length),
                String(fix.querySelectorAll('tbody tr').length), String(critique.querySelectorAll('.flag').length)];
            }
            """);

        shown[0].ShouldContain("Round 0: failing tests 2 → 1, 3 validation runs, 1.5 s");
        shown[0].ShouldContain("<img src=x onerror=\"document.body.dataset.xss = 3\">");
        shown[1].ShouldContain("Router: FIX — <img src=x");
        shown[1].ShouldContain("line 3 → 5: <img src=x");
        shown[1].ShouldContain("line 4 (f): < → <= [cmp]");
        shown[1].ShouldContain("missing tests");
        shown[2].ShouldBe("0");
        shown[3].ShouldBe("1");
        shown[4].ShouldBe("1");
        (await page.EvaluateAsync<bool>("() => document.body.dataset.xss === undefined")).ShouldBeTrue();
        page.Errors.ShouldBeEmpty();
    }

    private static string HostileRun() => new JsonObject
    {
        ["source"] = new JsonObject
        {
            ["kind"] = "inline",
            ["files"] = new JsonArray(
                new JsonObject { ["path"] = "greetings/__init__.py", ["content"] = "" },
                new JsonObject { ["path"] = "greetings/banner.py", ["content"] = HostileModule }),
        },
        ["targetFile"] = "greetings/banner.py",
        ["settings"] = new JsonObject { ["maxAttempts"] = 2, ["targetCoverage"] = 100, ["targetMutation"] = 100, ["searchBudgetSeconds"] = 3 },
    }.ToJsonString();

    /// <summary>A figure as the dashboard writes it (JavaScript's toFixed(1)).</summary>
    private static string Percent(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("F1", CultureInfo.InvariantCulture) + " %" : "–";
}
