using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Contracts;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

public sealed class GeneratedTestNamesTests
{
    private static ModuleOutcome Outcome(string module, bool withSuite = true) => new()
    {
        Module = new PlannedModule(module.Replace('.', '/') + ".py", module, module, 0, 1, 0), RunId = Guid.NewGuid(),
        Status = ModuleOutcome.Completed, Reason = "max-attempts", Artifacts = "/tmp",
        Suite = withSuite ? new TestSuite("tests/test_questmesh_x.py", $"# {module}\n") : null,
    };

    [Fact]
    public void Place_NamesEachFileAfterItsModuleUnlikeAnyExistingTestModule()
    {
        var placed = GeneratedTestNames.Place(
            [Outcome("orders.cart"), Outcome("app"), Outcome("broken", withSuite: false), Outcome("inventory.stock")],
            ["tests/test_app.py", "tests/unit/test_inventory_stock.py"]);

        placed.Select(p => p.TestFile).ShouldBe([
            "tests/generated/test_orders_cart.py", "tests/generated/test_app_generated.py", "tests/generated/test_inventory_stock_generated.py"]);
        placed[1].Source.ShouldBe("# app\n");
    }
}
