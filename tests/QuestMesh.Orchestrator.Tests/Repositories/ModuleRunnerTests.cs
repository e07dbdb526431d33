using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.Repositories;

/// <summary>A module run of a repository run, through the real run saga with scripted workers.</summary>
public class ModuleRunnerTests
{
    [Fact]
    public async Task Should_run_the_module_as_the_repository_runs_caller_and_end_with_its_suite()
    {
        await using var host = await RunHarness.StartAsync(add: b => b.AddRepositoryRuns());
        var runner = host.Services.GetRequiredService<ModuleRunner>();
        var source = new SourceSpec { Kind = SourceKinds.Path, Path = "/tmp/repository", Root = "backend" };
        var module = new PlannedModule("pkg/target.py", "backend/pkg/target.py", "pkg.target", 20, 10, 4);

        var outcome = await runner.RunAsync(source, module, new RunSettings { MaxAttempts = 1 }, tenant: "acme", artifacts: null,
            TimeSpan.FromMinutes(1), _ => { }, CancellationToken.None);

        outcome.Status.ShouldBe(ModuleOutcome.Completed);
        outcome.Suite.ShouldNotBeNull();
        var submitted = await host.PublishedAsync<SubmitRun>(outcome.RunId);
        submitted.Tenant.ShouldBe("acme");
        submitted.Source.Root.ShouldBe("backend");
        submitted.TargetFile.ShouldBe("pkg/target.py");
        host.Saga.Sagas.Contains(outcome.RunId).ShouldNotBeNull().Tenant.ShouldBe("acme");
    }
}
