using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Harness;
using QuestMesh.Standalone.Hosting;
using QuestMesh.Standalone.Repository;
using QuestMesh.Tests.Shared.Wheels;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>
/// A repository whose code imports a package the machine lacks: with a wheel folder set, the package is installed into
/// the run's environment and everything (the baseline, the module run on the bus, the combined suite) runs with it; a
/// requirement no wheel provides is named with pip's reason, and the module importing it gets no module run.
/// Driven through the embedded host as <c>questmesh run</c> drives it, with the settings given to the host.
/// </summary>
public sealed class RepositoryDependencyTests : IDisposable
{
    private readonly TempProject _repository = new();

    public RepositoryDependencyTests()
    {
        TestWheels.Write(Wheels, "tinydep", "1.0", "ANSWER = 42\n");
        _repository.Write("requirements.txt", "tinydep==1.0\nnosuchdep==2.0\n");
        _repository.Write("shop/__init__.py", "");
        _repository.Write("shop/answer.py", """
            import tinydep


            def answer():
                return tinydep.ANSWER


            def scaled(factor):
                if factor < 0:
                    raise ValueError("factor must not be negative")
                return tinydep.ANSWER * factor
            """);
        _repository.Write("shop/feed.py", "import nosuchdep\n\n\ndef feed():\n    return nosuchdep.items()\n");
        _repository.Write("tests/test_answer.py", "from shop.answer import answer\n\n\ndef test_answer():\n    assert answer() == 42\n");
    }

    private string Wheels => Path.Combine(_repository.Root, "wheels");
    private string Output => Path.Combine(_repository.Root, "out");

    public void Dispose() => _repository.Dispose();

    private async Task<(RepositoryReport Report, string Output)> RunAsync(bool wheels, int? maxModules)
    {
        using var host = EmbeddedHost.Build(new Dictionary<string, string?>
        {
            ["Python:Dependencies:Root"] = Path.Combine(_repository.Root, "environments"),
            ["Python:Dependencies:WheelFolder"] = wheels ? Wheels : null,
        });
        await host.StartAsync();
        try
        {
            var console = new CliConsole();
            var progress = new RepositoryProgress(console.Console);
            var settings = new RunSettings { Strategy = "search", SearchBudgetSeconds = 3, MaxAttempts = 1, MaxMutants = 5 };
            var input = RepositoryInputValidator.Validate(_repository.Project, settings, Output, new RepositoryLimits(maxModules, 120, 600),
                new GateThresholds(null, null), pushBranch: null);
            var run = host.Services.GetRequiredService<RepositoryRun>();
            var context = await run.SurveyAsync(input, progress, CancellationToken.None);
            var runId = NewId.NextGuid();
            var artifacts = host.Services.GetRequiredService<IRunArtifactLocations>().Assign(runId, Output);
            var report = await run.RunAsync(input, context, runId, artifacts, progress, CancellationToken.None);
            await host.Services.GetRequiredService<RepositoryArtifacts>().WriteReportsAsync(report, CancellationToken.None);
            return (report, console.Output);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Run_WheelFolderHoldsTheDependency_EverythingRunsWithIt_AndTheMissingOneIsNamed()
    {
        var (report, output) = await RunAsync(wheels: true, maxModules: null);

        var environment = report.Dependencies.Environment.ShouldNotBeNull();
        environment.Folder.ShouldNotBeNull(output);
        var outcomes = environment.Requirements.ToDictionary(r => r.Requirement);
        (outcomes["tinydep==1.0"].Status, outcomes["tinydep==1.0"].Version).ShouldBe((RequirementOutcome.Installed, "1.0"));
        outcomes["nosuchdep==2.0"].Status.ShouldBe(RequirementOutcome.Failed);
        outcomes["nosuchdep==2.0"].Reason.ShouldBe("No matching distribution found for nosuchdep==2.0");

        // The baseline ran with the environment: the existing test imports tinydep through shop.answer.
        report.Baseline.Tests.Single().Outcome.ShouldBe("passed", output);
        report.Baseline.CollectionErrors.ShouldBeEmpty();
        var missing = report.Baseline.MissingImports.ShouldHaveSingleItem();
        (missing.Name, string.Join(",", missing.Modules)).ShouldBe(("nosuchdep", "shop/feed.py"));

        var why = "it imports nosuchdep, which is not installed: nosuchdep==2.0 failed (No matching distribution found for nosuchdep==2.0)";
        report.NotRun.ShouldContain(new SkippedModule("shop/feed.py", "shop.feed", "cannot be imported: " + why));

        // The module run went over the bus to the generator and runner: its workspaces got the environment too.
        var module = report.Modules.ShouldHaveSingleItem();
        module.Module.File.ShouldBe("shop/answer.py");
        module.Status.ShouldBe(ModuleOutcome.Completed, $"{module.Reason}: {module.Detail}\n{output}");
        var generated = report.GeneratedTests;
        generated.ShouldNotBeEmpty(output);
        generated.ShouldAllBe(t => t.Outcome == "passed");
        report.After.ShouldBeGreaterThan(report.Before);

        output.ShouldContain($"deps       2 declared: 1 installed into {environment.Folder} from the wheel folder {Wheels}; 0 already there; 1 not installed");
        output.ShouldContain("not installed nosuchdep==2.0: No matching distribution found for nosuchdep==2.0");
        output.ShouldContain("does not import: shop/feed.py: " + why);
        var summary = File.ReadAllText(Path.Combine(Output, "summary.md"));
        summary.ShouldContain($"Requirements in `requirements.txt`: 2 declared: 1 installed into {environment.Folder} from the wheel folder {Wheels}; 0 already there; 1 not installed.");
        summary.ShouldContain("- `nosuchdep==2.0`: failed — No matching distribution found for nosuchdep==2.0");
        summary.ShouldContain("- `shop/feed.py`: " + why);
        File.ReadAllText(Path.Combine(Output, "iteration_report.json")).ShouldContain("\"not_importable\"");
    }

    [Fact]
    public async Task Run_NowhereToInstallFrom_GoesOnWithTheMachinesPython_AndSaysWhichImportFailed()
    {
        var (report, output) = await RunAsync(wheels: false, maxModules: 0);

        var environment = report.Dependencies.Environment.ShouldNotBeNull();
        environment.Folder.ShouldBeNull();
        environment.Absent.Select(r => r.Requirement).ShouldBe(["tinydep==1.0", "nosuchdep==2.0"]);
        report.Baseline.CollectionErrors.Single().ErrorType.ShouldBe("ModuleNotFoundError");
        report.Dependencies.Modules().Keys.ShouldBe(["shop/answer.py", "shop/feed.py"], ignoreOrder: true);
        output.ShouldContain("deps       2 declared: none installed from nowhere: neither Python:Dependencies:IndexUrl nor Python:Dependencies:WheelFolder is set; 0 already there; 2 not installed");
        output.ShouldContain("does not import: shop/answer.py: it imports tinydep, which is not installed: tinydep==1.0 is missing (not installed here, and there is no package index or wheel folder to install it from)");
        output.ShouldContain("existing test module does not load: tests/test_answer.py: ModuleNotFoundError");
    }
}
