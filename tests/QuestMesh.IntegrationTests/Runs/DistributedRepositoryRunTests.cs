using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Harness;

namespace QuestMesh.IntegrationTests.Runs;

/// <summary>
/// A whole-repository run as the orchestrator's API carries it out, over RabbitMQ with the saga and the artifacts in
/// PostgreSQL, against a pool of two hosts of every worker service (one step at a time each): its module runs fan out
/// over the pool and join in one report.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class DistributedRepositoryRunTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_fan_the_module_runs_out_over_two_runners_and_join_them_in_the_reports()
    {
        await using var hosts = await ServiceHosts.StartAsync(infrastructure, await infrastructure.CreateVirtualHostAsync(),
            replicas: 2, repositoryRuns: true);
        var executed = hosts.Workers("runner").Select(Count<ExecuteTests>).ToList();
        var generated = hosts.Workers("generator").Select(Count<GenerateTests>).ToList();
        var measured = hosts.Workers("runner").Select(Count<MeasureSuite>).ToList();
        var repository = Path.Combine(RepositoryLayout.Root, "samples", "storefront");
        var order = new RepositoryOrder(NewId.NextGuid(), null, new SourceSpec { Kind = SourceKinds.Path, Path = repository },
            new RunSettings { Strategy = "search", SearchBudgetSeconds = 3, MaxAttempts = 1, MaxMutants = 10 },
            new RepositoryLimits(MaxModules: null, ModuleBudgetSeconds: 300, TotalBudgetSeconds: 900, Parallel: 2),
            new GateThresholds(MinCoverage: 60, MinDelta: 20));
        var worker = hosts.Orchestrator.GetRequiredService<RepositoryRunWorker>();
        var journal = await RepositoryRunJournal.OpenAsync(hosts.Artifacts, TimeProvider.System, order, CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await worker.CarryOutAsync(order, journal, deadline.Token);

        var run = (await RepositoryRunJournal.ReadAsync(hosts.Artifacts, order.RunId, CancellationToken.None)).ShouldNotBeNull();
        run.Status.ShouldBe("completed", run.Error);
        run.PythonRoot.ShouldBe("backend");
        run.After!.Value.ShouldBeGreaterThan(run.Before!.Value + 20);
        run.GatePassed.ShouldBe(true);
        run.Modules.Count.ShouldBe(4);
        run.Modules.ShouldAllBe(m => m.Status == "completed" && m.RunId != null);
        foreach (var module in run.Modules)
            (await hosts.LoadAsync(module.RunId!.Value)).ShouldNotBeNull().CurrentState.ShouldBe("Completed");
        executed.ShouldAllBe(count => count.Value > 0, "each of the two runners executed suites of the module runs");
        generated.ShouldAllBe(count => count.Value > 0, "each of the two generators wrote suites of the module runs");
        measured.Sum(count => count.Value).ShouldBeGreaterThanOrEqualTo(2, "the baseline and the combined run ran on runners, not in the orchestrator");
        var names = await hosts.Artifacts.ListAsync(order.RunId);
        names.ShouldContain("coverage.xml");
        names.ShouldContain("summary.md");
        names.ShouldContain("tests/generated/_manifest.json");
        (await hosts.Artifacts.ReadAsync(order.RunId, "summary.md")).ShouldNotBeNull().ShouldContain("40.9 %");
    }

    /// <summary>How many messages of <typeparamref name="T"/> the host's bus consumed, counted by a real consume observer.</summary>
    private static StrongBox<int> Count<T>(IServiceProvider host) where T : class
    {
        var count = new StrongBox<int>();
        host.GetRequiredService<IBus>().ConnectConsumeMessageObserver(new Counter<T>(count));
        return count;
    }

    private sealed class Counter<T>(StrongBox<int> count) : IConsumeMessageObserver<T> where T : class
    {
        public Task PreConsume(ConsumeContext<T> context)
        {
            Interlocked.Increment(ref count.Value);
            return Task.CompletedTask;
        }

        public Task PostConsume(ConsumeContext<T> context) => Task.CompletedTask;

        public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
    }
}
