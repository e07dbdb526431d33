using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Python.Environments;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;
using QuestMesh.Tests.Shared.Wheels;

namespace QuestMesh.Python.Tests;

/// <summary>
/// A project's declared dependencies installed, offline, from a wheel folder made here into a virtual environment in
/// the sandbox, and the project measured with it; what cannot be installed is named with pip's reason.
/// </summary>
public sealed class DependencyEnvironmentTests : IDisposable
{
    private const string Answer = "import tinydep\n\n\ndef answer():\n    return tinydep.ANSWER\n";
    private const string AnswerTest = "from shop.answer import answer\n\n\ndef test_answer():\n    assert answer() == 42\n";
    private readonly string _root = Directory.CreateTempSubdirectory("qm-deps-").FullName;

    private string Wheels => Path.Combine(_root, "wheels");
    private string Environments => Path.Combine(_root, "environments");
    private string Project => Path.Combine(_root, "project");

    public DependencyEnvironmentTests()
    {
        TestWheels.Write(Wheels, "tinydep", "1.0", "ANSWER = 42\n");
        Directory.CreateDirectory(Path.Combine(Project, "shop"));
        Directory.CreateDirectory(Path.Combine(Project, "tests"));
        File.WriteAllText(Path.Combine(Project, "shop", "__init__.py"), "");
        File.WriteAllText(Path.Combine(Project, "shop", "answer.py"), Answer);
        File.WriteAllText(Path.Combine(Project, "tests", "test_answer.py"), AnswerTest);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ServiceProvider Services(bool wheels = true) => Services(wheels ? Wheels : null);

    private ServiceProvider Services(string? wheels)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Python:Interpreter"] = "/usr/bin/python3",
            ["Python:WorkRoot"] = Path.Combine(_root, "work"),
            ["Python:Dependencies:Root"] = Environments,
            ["Python:Dependencies:WheelFolder"] = wheels,
        }).Build());
        services.AddLogging();
        services.AddQuestMeshPython();
        return services.BuildServiceProvider();
    }

    private static Task<MeasureReply> MeasureAsync(ServiceProvider services, string workspace) =>
        services.GetRequiredService<HarnessClient>().MeasureAsync(workspace,
            new MeasureRequest { Tests = ["tests/test_answer.py"], Modules = ["shop/__init__.py", "shop/answer.py"] }, TimeSpan.FromSeconds(120));

    [Fact]
    public async Task Prepare_RequirementInTheWheelFolder_InstallsIt_AndTheProjectIsMeasuredWithIt()
    {
        using var services = Services();

        var environment = await services.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep==1.0"], CancellationToken.None);

        environment.ShouldNotBeNull();
        environment.Problem.ShouldBeNull();
        environment.Folder.ShouldNotBeNull();
        environment.Folder.ShouldStartWith(Environments);
        environment.Requirements.Single().ShouldBe(new RequirementOutcome
        {
            Requirement = "tinydep==1.0", Name = "tinydep", Status = RequirementOutcome.Installed, Version = "1.0",
        }, $"{environment.Requirements.Single()}");
        environment.Installed.ShouldBe(["tinydep 1.0"]);
        environment.Source.ShouldBe($"the wheel folder {Wheels}");

        var source = new SourceSpec { Kind = SourceKinds.Path, Path = Project, Requirements = ["tinydep==1.0"] };
        string folder;
        using (var workspace = await services.GetRequiredService<WorkspaceProvider>().CreateAsync(source, CancellationToken.None))
        {
            folder = workspace.Directory;
            var measured = await MeasureAsync(services, workspace.Directory);

            measured.Status.ShouldBe("passed", measured.Stderr);
            measured.MissingImports.ShouldBeEmpty();
            measured.Coverage.Percent.ShouldBe(100);
        }
        services.GetRequiredService<WorkspaceRuntimes>().For(folder).ShouldBeNull("a workspace's runtime goes with it");
    }

    [Fact]
    public async Task Measure_WithoutTheRequirements_NamesTheImportThatFails()
    {
        using var services = Services();
        using var workspace = await services.GetRequiredService<WorkspaceProvider>()
            .CreateAsync(new SourceSpec { Kind = SourceKinds.Path, Path = Project }, CancellationToken.None);

        var measured = await MeasureAsync(services, workspace.Directory);

        var missing = measured.MissingImports.ShouldHaveSingleItem();
        (missing.Name, string.Join(",", missing.Modules)).ShouldBe(("tinydep", "shop/answer.py"));
        measured.CollectionErrors.Single().ErrorType.ShouldBe("ModuleNotFoundError");
        Directory.Exists(Environments).ShouldBeFalse("without requirements no environment is made");
    }

    [Fact]
    public async Task Prepare_ARequirementNoWheelProvides_SaysWhich_AndInstallsTheOthers()
    {
        using var services = Services();

        var environment = await services.GetRequiredService<DependencyEnvironments>()
            .PrepareAsync(["tinydep==1.0", "nosuchdep==2.0", "flask"], CancellationToken.None);

        environment!.Folder.ShouldNotBeNull();
        var outcomes = environment.Requirements.ToDictionary(r => r.Requirement);
        outcomes["tinydep==1.0"].Status.ShouldBe(RequirementOutcome.Installed);
        outcomes["flask"].Status.ShouldBe(RequirementOutcome.Satisfied, "Debian's Flask counts");
        var missing = outcomes["nosuchdep==2.0"];
        missing.Status.ShouldBe(RequirementOutcome.Failed);
        missing.Reason.ShouldBe("No matching distribution found for nosuchdep==2.0");
        missing.ImportNames.ShouldBe(["nosuchdep"]);
        environment.Absent.ShouldBe([missing]);
    }

    [Fact]
    public async Task Prepare_NowhereToInstallFrom_KeepsTheWorkersPython_AndSaysWhy()
    {
        using var services = Services(wheels: false);

        var environment = await services.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep", "flask"], CancellationToken.None);

        environment!.Folder.ShouldBeNull();
        environment.Runtime.ShouldBeNull();
        environment.Source.ShouldStartWith("nowhere: neither Python:Dependencies:IndexUrl nor Python:Dependencies:WheelFolder is set");
        var absent = environment.Absent.ShouldHaveSingleItem();
        (absent.Requirement, absent.Status).ShouldBe(("tinydep", RequirementOutcome.Missing));
        absent.Reason.ShouldBe("not installed here, and there is no package index or wheel folder to install it from");
        Directory.EnumerateFileSystemEntries(Environments).ShouldBeEmpty("an environment nothing went into is not kept");
    }

    [Fact]
    public async Task Prepare_TheSameRequirementsAgain_ReusesTheEnvironment()
    {
        string first;
        using (var services = Services())
            first = (await services.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep"], CancellationToken.None))!.Folder!;
        var written = File.GetLastWriteTimeUtc(Path.Combine(first, "..", "environment.json"));

        using var again = Services();
        var environment = await again.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep"], CancellationToken.None);
        var other = await again.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep==1.0"], CancellationToken.None);

        environment!.Folder.ShouldBe(first);
        environment.Requirements.Single().Status.ShouldBe(RequirementOutcome.Installed);
        File.GetLastWriteTimeUtc(Path.Combine(first, "..", "environment.json")).ShouldBe(written);
        other!.Folder.ShouldNotBe(first, "other requirements are another environment");
    }

    [Fact]
    public async Task Prepare_NoRequirements_ChangesNothing()
    {
        using var services = Services();

        (await services.GetRequiredService<DependencyEnvironments>().PrepareAsync([], CancellationToken.None)).ShouldBeNull();
        Directory.Exists(Environments).ShouldBeFalse();
    }

    [Fact]
    public async Task Prepare_TheWheelFolderIsGone_ReportsWhy_AndKeepsTheWorkersPython()
    {
        var gone = Path.Combine(_root, "gone");
        using var services = Services(gone);

        var environment = await services.GetRequiredService<DependencyEnvironments>().PrepareAsync(["tinydep"], CancellationToken.None);

        environment!.Folder.ShouldBeNull();
        environment.Problem.ShouldBe($"the environment could not be prepared: Python:Dependencies:WheelFolder '{gone}' is not a folder");
        var absent = environment.Absent.ShouldHaveSingleItem();
        (absent.Requirement, absent.Status, absent.Reason).ShouldBe(("tinydep", RequirementOutcome.Failed, environment.Problem));
    }
}
