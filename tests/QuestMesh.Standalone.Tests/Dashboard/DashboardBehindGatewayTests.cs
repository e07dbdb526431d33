using System.Net;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// The dashboard reached through the gateway: it asks for the API key, keeps it for the tab only, sends it
/// with every call (the event stream included), and shows only the key's tenant's runs.
/// </summary>
public sealed class DashboardBehindGatewayTests(DashboardBehindGatewayFixture deployed) : IClassFixture<DashboardBehindGatewayFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_ask_for_the_key_keep_it_for_the_tab_and_follow_the_keys_runs_through_the_gateway()
    {
        var own = await CancelledRunAsync(deployed.Client);
        var untenanted = await deployed.Direct.SubmitAsync(HostileRequests.GoodRunJson());
        (await deployed.Direct.DeleteAsync($"/api/runs/{untenanted}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.Conflict);
        var row = $"#runs tr[data-run-id='{own}']";
        await using var page = await deployed.OpenAsync("#/");

        await page.WaitForAsync("#notice.needs-key:not([hidden])");
        (await page.CountAsync("#runs tr[data-run-id]")).ShouldBe(0);
        (await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('#api-key')")).ShouldBeTrue();
        await page.ScreenshotAsync("gateway-key-needed");

        await page.Page.TypeAsync("#api-key", DashboardBehindGatewayFixture.Key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForAsync(row);

        (await page.TextAsync($"{row} [data-field=status]")).ShouldBe("cancelled");
        (await page.CountAsync($"#runs tr[data-run-id='{untenanted}']")).ShouldBe(0);
        (await page.EvaluateAsync<bool>("() => document.querySelector('#notice').hidden")).ShouldBeTrue();
        (await page.EvaluateAsync<string>("() => sessionStorage.getItem('questmesh.apiKey')")).ShouldBe(DashboardBehindGatewayFixture.Key);
        (await page.EvaluateAsync<int>("() => localStorage.length")).ShouldBe(0);
        (await page.EvaluateAsync<string>("() => document.querySelector('#api-key').value")).ShouldBeEmpty();

        await page.ClickAsync($"{row} .target a");
        await page.WaitForAsync("#view[data-status=cancelled] #steps li", Wait);
        await page.WaitForAsync("#artifact-links a[data-name='events.log']");
        await page.ClickAsync("#artifact-links a[data-name='events.log']");
        await page.WaitUntilAsync("id => document.querySelector('#artifact-viewer pre')?.textContent.includes(id)", Wait, own.ToString());
        await page.ScreenshotAsync("gateway-run");

        await page.Page.ReloadAsync();
        await page.WaitForAsync("#view[data-status=cancelled] #steps li", Wait);

        await using var otherTab = await deployed.OpenAsync("#/");
        await otherTab.WaitForAsync("#notice.needs-key:not([hidden])");

        page.Errors.Where(e => !IsRefusedKey(e)).ShouldBeEmpty();
        otherTab.Errors.Where(e => !IsRefusedKey(e)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_say_when_the_gateway_refuses_the_key()
    {
        await using var page = await deployed.OpenAsync("#/");
        await page.WaitForAsync("#notice.needs-key:not([hidden])");

        await page.Page.TypeAsync("#api-key", "not-the-key-of-anyone-at-all");
        await page.ClickAsync("#key-form button[type=submit]");

        await page.WaitUntilAsync("() => document.querySelector('#notice').textContent.includes('refused the API key')", Wait);
        (await page.TextAsync("#notice")).ShouldContain("not known");
        (await page.CountAsync("#runs tr[data-run-id]")).ShouldBe(0);
        page.Errors.Where(e => !IsRefusedKey(e)).ShouldBeEmpty();
    }

    /// <summary>Chromium logs each 401 the page's requests get; those are what these tests provoke.</summary>
    private static bool IsRefusedKey(string error) => error.Contains("status of 401", StringComparison.Ordinal);

    /// <summary>A run of the key's tenant, submitted through the gateway and cancelled once it runs (nothing to wait for).</summary>
    private static async Task<Guid> CancelledRunAsync(HttpClient gateway)
    {
        var runId = await gateway.SubmitAsync(HostileRequests.GoodRunJson());
        await gateway.WaitForRunAsync(runId, r => r.Status() == "running", TimeSpan.FromSeconds(60));
        (await gateway.DeleteAsync($"/api/runs/{runId}")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await gateway.WaitForRunAsync(runId, r => r.Status() == "cancelled", TimeSpan.FromSeconds(60));
        return runId;
    }
}
