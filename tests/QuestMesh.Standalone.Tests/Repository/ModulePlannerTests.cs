using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Harness;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

public sealed class ModulePlannerTests
{
    private static FileGaps File(string path, int statements, int missingLines, int missingBranches) => new()
    {
        Path = "backend/" + path, File = path, Module = path[..^3].Replace('/', '.'), Statements = statements,
        MissingLineCount = missingLines, MissingBranches = missingBranches,
    };

    private static readonly CoverageGaps Gaps = new()
    {
        Files =
        [
            File("a/lines.py", 30, 20, 0),
            File("a/branches.py", 30, 5, 16),
            File("b/tie.py", 10, 3, 2),
            File("a/tie.py", 10, 4, 1),
            File("empty/__init__.py", 0, 0, 0),
        ],
    };

    [Fact]
    public void Plan_OrdersByMissingStatementsAndBranchesThenPath()
    {
        var (planned, skipped) = ModulePlanner.Plan(Gaps, maxModules: null);

        planned.Select(m => m.File).ShouldBe(["a/branches.py", "a/lines.py", "a/tie.py", "b/tie.py"]);
        planned[0].Gain.ShouldBe(21);
        skipped.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_MaxModules_SkipsTheRestWithTheReason()
    {
        var (planned, skipped) = ModulePlanner.Plan(Gaps, maxModules: 1);

        planned.Single().File.ShouldBe("a/branches.py");
        skipped.Select(s => s.Path).ShouldBe(["backend/a/lines.py", "backend/a/tie.py", "backend/b/tie.py"]);
        skipped[0].Reason.ShouldStartWith("--max-modules 1");
    }

    [Fact]
    public void Plan_MaxModulesZero_PlansNothing() =>
        ModulePlanner.Plan(Gaps, maxModules: 0).Planned.ShouldBeEmpty();

    [Fact]
    public void Plan_ModulesThatCannotBeImported_GetNoRunAndSayWhy()
    {
        var notImportable = new Dictionary<string, string> { ["a/branches.py"] = "it imports yaml, which is not installed" };

        var (planned, skipped) = ModulePlanner.Plan(Gaps, maxModules: 1, notImportable);

        planned.Single().File.ShouldBe("a/lines.py");
        skipped[0].ShouldBe(new SkippedModule("backend/a/branches.py", "a.branches", "cannot be imported: it imports yaml, which is not installed"));
        skipped.Skip(1).Select(s => s.Path).ShouldBe(["backend/a/tie.py", "backend/b/tie.py"]);
    }
}
