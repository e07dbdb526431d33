using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Environments;
using QuestMesh.Python.Harness;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>Which modules cannot be imported, and the declared requirement that would have provided what they lack.</summary>
public sealed class DependencyReportTests
{
    private static readonly DependencyEnvironment Environment = new()
    {
        Key = "k",
        Source = "the wheel folder /wheels",
        Requirements =
        [
            new RequirementOutcome { Requirement = "PyYAML>=6", Name = "pyyaml", Status = RequirementOutcome.Failed, Reason = "No matching distribution found for PyYAML>=6", ImportNames = ["yaml"] },
            new RequirementOutcome { Requirement = "flask", Name = "flask", Status = RequirementOutcome.Satisfied, Version = "2.2.2" },
            new RequirementOutcome { Requirement = "python-slugify", Name = "python-slugify", Status = RequirementOutcome.Missing, Reason = "nowhere to install it from" },
        ],
    };

    [Fact]
    public void Build_MissingImport_NamesTheRequirementThatFailed()
    {
        var report = DependencyReport.Build(null, Environment, [new MissingImport("yaml", ["shop/feeds.py", "shop/load.py"])]);

        var missing = report.NotImportable.ShouldHaveSingleItem();
        missing.Requirement.ShouldBe("PyYAML>=6");
        missing.Why.ShouldBe("it imports yaml, which is not installed: PyYAML>=6 failed (No matching distribution found for PyYAML>=6)");
        report.Modules().Keys.ShouldBe(["shop/feeds.py", "shop/load.py"], ignoreOrder: true);
    }

    [Fact]
    public void Build_MissingImportNoRequirementProvides_SaysItIsNotDeclared()
    {
        var report = DependencyReport.Build(null, Environment, [new MissingImport("requests", ["shop/http.py"])]);

        report.NotImportable.Single().Requirement.ShouldBeNull();
        report.Modules()["shop/http.py"].ShouldBe("it imports requests, which is not installed and no declared requirement provides");
    }

    [Fact]
    public void Build_ModuleMissingTwoPackages_GivesBothReasons()
    {
        var report = DependencyReport.Build(null, null, [new MissingImport("a", ["m.py"]), new MissingImport("b", ["m.py"])]);

        report.Modules()["m.py"].ShouldBe("it imports a, which is not installed and no declared requirement provides; "
            + "it imports b, which is not installed and no declared requirement provides");
    }

    [Fact]
    public void Build_RequirementWithoutImportNames_MatchesByItsName()
    {
        var environment = Environment with
        {
            Requirements = [new RequirementOutcome { Requirement = "tiny-dep", Name = "tiny-dep", Status = RequirementOutcome.Failed, Reason = "r" }],
        };

        DependencyReport.Build(null, environment, [new MissingImport("tiny_dep", ["m.py"])]).NotImportable.Single().Requirement.ShouldBe("tiny-dep");
    }

    [Fact]
    public void Summary_SaysWhatBecameOfTheRequirements()
    {
        DependencyReport.Build(null, Environment, []).Summary()
            .ShouldBe("3 declared: none installed from the wheel folder /wheels; 1 already there; 2 not installed");
        DependencyReport.Build(null, Environment with { Requirements = [Environment.Requirements[1]] }, []).Summary()
            .ShouldBe("1 declared, all already there");
        DependencyReport.None.Summary().ShouldBeNull();
    }
}
