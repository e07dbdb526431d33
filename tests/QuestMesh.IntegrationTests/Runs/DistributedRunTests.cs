using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Persistence.Artifacts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.IntegrationTests.Runs;

/// <summary>A whole run with every service in its own host over RabbitMQ and the saga in PostgreSQL.</summary>
[Collection(InfrastructureCollection.Name)]
public class DistributedRunTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] SeedArtifacts =
    [
        "context.json", "target_code.py", "events.log", "run_summary.json",
        "attempt_0.request.json", "attempt_0.test_src.py", "attempt_0.llm_metadata.json", "attempt_0.static.json",
        "attempt_0.pre_reliability.json", "attempt_0.response.json", "attempt_0.post_reliability.json",
        "attempt_0.critique.json", "attempt_0.metrics.json",
    ];

    [Fact]
    public async Task Should_complete_an_inline_run_with_its_artifacts()
    {
        await using var hosts = await ServiceHosts.StartAsync(infrastructure);
        var runId = NewId.NextGuid();
        var pricing = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "shop", "shop", "pricing.py"));

        await hosts.Client.GetRequiredService<IBus>().Publish(new SubmitRun
        {
            RunId = runId,
            Source = new SourceSpec
            {
                Kind = SourceKinds.Inline,
                Files = [new InlineFile("shop/pricing.py", pricing), new InlineFile("shop/__init__.py", "")],
            },
            TargetFile = "shop/pricing.py",
            Settings = new RunSettings { MaxAttempts = 1, Strategy = "search", SearchBudgetSeconds = 10, MaxMutants = 20 },
        });
        var end = await hosts.Client.GetRequiredService<RunEnds>().Of(runId).WaitAsync(TimeSpan.FromMinutes(5));

        var completed = end.ShouldBeOfType<RunCompleted>();
        completed.Attempts.Count.ShouldBe(1);
        completed.Best.Coverage.ShouldBeGreaterThan(0);
        using var scope = hosts.Orchestrator.CreateScope();
        var run = (await scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<RunState>>().Load(runId)).ShouldNotBeNull();
        run.CurrentState.ShouldBe("Completed");
        run.TerminationReason.ShouldBe(completed.Reason);
        // In distributed mode the artifacts are in PostgreSQL, under the names they have on disk.
        var artifacts = hosts.Orchestrator.GetRequiredService<IArtifactStore>();
        artifacts.ShouldBeOfType<PostgreSqlArtifactStore>();
        var names = await artifacts.ListAsync(runId);
        foreach (var name in SeedArtifacts)
            names.ShouldContain(name, $"{name} is missing");
        var events = (await artifacts.ReadAsync(runId, "events.log"))!;
        var keys = events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" step=")[1].Split(' ')[0]).ToList();
        keys.ShouldBeUnique();
        events.ShouldContain("state=Completed");
    }
}
