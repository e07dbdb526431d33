using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Orchestrator.Tests.Apis;

/// <summary>Malformed and hostile requests to the orchestrator behind the gateway: each a 4xx problem, never a 5xx.</summary>
public sealed class HostileRequestTests(TrustedApiFactory api) : IClassFixture<TrustedApiFactory>
{
    public static TheoryData<string> Cases => new(HostileRequests.For(trustedTenant: true).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_answer_a_problem_and_no_5xx(string name)
    {
        var hostile = HostileRequests.All.Single(c => c.Name == name);
        var ownRun = await api.OwnRunAsync();

        using var response = await api.CreateClient().SendAsync(hostile.Build(ownRun));

        await response.ShouldBeProblemAsync(hostile.Status, hostile.FieldErrors, name);
    }

    [Fact]
    public async Task Should_accept_and_start_a_good_run_after_every_hostile_request()
    {
        var client = api.CreateClient();
        var ownRun = await api.OwnRunAsync();
        var cases = HostileRequests.For(trustedTenant: true).ToList();
        cases.Count.ShouldBeGreaterThanOrEqualTo(40);
        foreach (var hostile in cases)
        {
            using var response = await client.SendAsync(hostile.Build(ownRun));
            await response.ShouldBeProblemAsync(hostile.Status, hostile.FieldErrors, hostile.Name);
        }

        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson());

        var run = await client.WaitForRunAsync(runId, r => r.Status() == "running", TimeSpan.FromSeconds(30));
        run.GetProperty("state").GetString().ShouldBe("Generating");
        run.GetProperty("targetFile").GetString().ShouldBe(ApiSamples.Target);
    }
}

/// <summary>The orchestrator reached without the gateway: a tenant header is refused, not believed.</summary>
public sealed class UntrustedTenantHeaderTests(UntrustedApiFactory api) : IClassFixture<UntrustedApiFactory>
{
    public static TheoryData<string> Cases => new(HostileRequests.All.Where(c => c.For == HostileRequests.Mode.UntrustedTenant).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_refuse_a_forged_tenant_header(string name)
    {
        var hostile = HostileRequests.All.Single(c => c.Name == name);

        using var response = await api.CreateClient().SendAsync(hostile.Build(Guid.NewGuid()));

        var problem = await response.ShouldBeProblemAsync(hostile.Status, hostile.FieldErrors, name);
        problem.GetProperty("errors").GetProperty(HostileRequests.TenantHeader)[0].GetString()!.ShouldContain("Api:TrustTenantHeader");
    }

    [Fact]
    public async Task Should_show_runs_without_a_tenant_to_every_caller()
    {
        var client = api.CreateClient();
        var runId = await client.SubmitAsync(HostileRequests.GoodRunJson());

        var list = await client.GetJsonAsync("/api/runs");

        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetGuid()).ShouldContain(runId);
    }
}
