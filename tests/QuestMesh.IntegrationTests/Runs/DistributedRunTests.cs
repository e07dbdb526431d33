using QuestMesh.IntegrationTests.Support;

namespace QuestMesh.IntegrationTests.Runs;

/// <summary>A whole run with every service in its own host over RabbitMQ and the saga in PostgreSQL.</summary>
[Collection(InfrastructureCollection.Name)]
public class DistributedRunTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_complete_an_inline_run_with_its_artifacts()
    {
        await using var hosts = await ServiceHosts.StartAsync(infrastructure, await infrastructure.CreateVirtualHostAsync());
        var submit = ShopRuns.Submit();

        await hosts.SubmitAsync(submit);

        var completed = await RunChecks.CompletedAsync(hosts, submit.RunId, TimeSpan.FromMinutes(5), () => "");
        await RunChecks.ShouldHaveEndedOnceAsync(hosts, submit.RunId, completed);
    }
}
