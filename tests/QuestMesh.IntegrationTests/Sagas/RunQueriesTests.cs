using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.IntegrationTests.Sagas;

/// <summary>The API's read side on the run saga's PostgreSQL table: tenants apart, states filtered, pages cut by the database.</summary>
[Collection(InfrastructureCollection.Name)]
public class RunQueriesTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_find_list_filter_and_page_a_tenants_runs_only()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var acme = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            acme.Add(await host.SubmitAsync("acme"));
            await ReachedAsync(host, acme[^1], "Generating");
        }
        var globex = await host.SubmitAsync("globex");
        await ReachedAsync(host, globex, "Generating");
        var untenanted = await host.SubmitAsync();
        await ReachedAsync(host, untenanted, "Generating");
        await host.Harness.Bus.Publish(new CancelRun(acme[1], "test"));
        await ReachedAsync(host, acme[1], "Cancelled");

        using var scope = host.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<IRunQueries>();
        queries.ShouldBeOfType<EntityFrameworkRunQueries>();

        var found = await queries.FindAsync(acme[0], "acme", CancellationToken.None);
        found.ShouldNotBeNull().Status.ShouldBe(RunStatuses.Running);
        found.Source.ShouldNotBeNull().Kind.ShouldBe(SourceKinds.Inline);
        found.TargetFile.ShouldBe("pkg/target.py");
        (await queries.FindAsync(acme[0], "globex", CancellationToken.None)).ShouldBeNull();
        (await queries.FindAsync(acme[0], null, CancellationToken.None)).ShouldBeNull();
        (await queries.FindAsync(untenanted, null, CancellationToken.None)).ShouldNotBeNull();

        var all = await queries.ListAsync(new RunListQuery("acme", [], 0, 10), CancellationToken.None);
        all.Total.ShouldBe(3);
        all.Items.Select(r => r.RunId).ShouldBe(acme.AsEnumerable().Reverse());
        all.Items.ShouldAllBe(r => r.Source == null);
        var page = await queries.ListAsync(new RunListQuery("acme", [], 2, 2), CancellationToken.None);
        page.Items.Select(r => r.RunId).ShouldBe([acme[0]]);
        page.Total.ShouldBe(3);
        var cancelled = await queries.ListAsync(new RunListQuery("acme", RunStatusMap.StatesOf(RunStatuses.Cancelled).ToList(), 0, 10), CancellationToken.None);
        cancelled.Items.Select(r => r.RunId).ShouldBe([acme[1]]);
        cancelled.Items[0].TerminationReason.ShouldBe(TerminationReasons.Cancelled);
        var running = await queries.ListAsync(new RunListQuery("acme", RunStatusMap.StatesOf(RunStatuses.Running).ToList(), 0, 10), CancellationToken.None);
        running.Items.Select(r => r.RunId).ShouldBe([acme[2], acme[0]]);
        (await queries.ListAsync(new RunListQuery(null, [], 0, 10), CancellationToken.None)).Items.Select(r => r.RunId).ShouldBe([untenanted]);
    }

    /// <summary>Waits (with a deadline) until the run's saga row is in <paramref name="state"/>: the first message of a cold host takes seconds.</summary>
    private static async Task ReachedAsync(SagaHost host, Guid runId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await host.LoadAsync(runId))?.CurrentState != state)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"run {runId} did not reach {state} within 60 s");
            await Task.Delay(100);
        }
    }
}
