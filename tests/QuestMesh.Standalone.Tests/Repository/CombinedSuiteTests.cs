using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Contracts;
using QuestMesh.Python.Harness;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>What the combined suite drops after a run, and why (the decision alone; the acceptance runs it for real).</summary>
public sealed class CombinedSuiteTests
{
    private const string Cart = "tests/generated/test_orders_cart.py";
    private const string Stock = "tests/generated/test_inventory_stock.py";

    private static readonly ModuleOutcome Origin = new()
    {
        Module = new PlannedModule("m.py", "m.py", "m", 0, 1, 0), RunId = Guid.Empty, Status = ModuleOutcome.Completed,
        Reason = "max-attempts", Artifacts = "/tmp",
    };

    private static readonly GeneratedFile[] Kept = [new(Cart, "", Origin), new(Stock, "", Origin)];

    private static TestOutcome Test(string id, string outcome, string? error = null, string? message = null) =>
        new() { Id = id, Name = id.Split("::")[^1], Outcome = outcome, ErrorType = error, Message = message };

    private static MeasureReply Reply(params TestOutcome[] tests) => new() { Tests = tests };

    [Fact]
    public void Decide_FailingTests_DropsEachByTheNamePatchDeletes()
    {
        var reply = Reply(
            Test("tests/test_cart.py::test_old", "passed"),
            Test($"{Cart}::test_add[1]", "failed", "AssertionError", "assert 18.0 == 13.5\nmore"),
            Test($"{Cart}::test_add[2]", "failed", "AssertionError", "assert 1 == 2"),
            Test($"{Cart}::TestCart::test_total", "error", "KeyError", "'x'"),
            Test($"{Cart}::test_ok", "passed"));

        var drops = CombinedSuite.Decide(reply, Kept, new HashSet<string> { "tests/test_cart.py::test_old" }, wholeFiles: false);

        drops.Select(d => (d.TestFile, d.Test)).ShouldBe([(Cart, "test_add"), (Cart, "TestCart.test_total")]);
        drops[0].Reason.ShouldBe("fails with the existing tests: AssertionError: assert 18.0 == 13.5");
        drops[1].Reason.ShouldBe("fails with the existing tests: KeyError: 'x'");
    }

    [Fact]
    public void Decide_EveryTestOfAFileFails_DropsTheFile()
    {
        var drops = CombinedSuite.Decide(Reply(Test($"{Stock}::test_a", "failed", "TypeError")), Kept, new HashSet<string>(), wholeFiles: false);

        drops.ShouldHaveSingleItem().ShouldBe(new DroppedTest(Stock, null, "every test of it fails with the existing tests (first: TypeError)"));
    }

    [Fact]
    public void Decide_LastRound_DropsWholeFiles()
    {
        var reply = Reply(Test($"{Cart}::test_a", "failed", "ValueError"), Test($"{Cart}::test_b", "passed"));

        var drops = CombinedSuite.Decide(reply, Kept, new HashSet<string>(), wholeFiles: true);

        drops.ShouldHaveSingleItem().Test.ShouldBeNull();
        drops[0].Reason.ShouldStartWith("1 of its tests still fail with the existing tests");
    }

    [Fact]
    public void Decide_FileThatDoesNotLoad_DropsTheFile()
    {
        var reply = Reply() with { CollectionErrors = [new SuiteCollectionError(Stock, "ImportError", "cannot import name 'x'\nTraceback")] };

        var drops = CombinedSuite.Decide(reply, Kept, new HashSet<string>(), wholeFiles: false);

        drops.ShouldHaveSingleItem().ShouldBe(new DroppedTest(Stock, null, "does not load with the existing tests: ImportError: cannot import name 'x'"));
    }

    [Fact]
    public void Decide_ExistingTestsRegress_DropsTheLastGeneratedFile()
    {
        var reply = Reply(Test("tests/test_cart.py::test_old", "failed"), Test("tests/test_stock.py::test_broken", "failed"), Test($"{Cart}::test_a", "passed"));

        var drops = CombinedSuite.Decide(reply, Kept, new HashSet<string> { "tests/test_cart.py::test_old" }, wholeFiles: false);

        drops.ShouldHaveSingleItem().ShouldBe(new DroppedTest(Stock, null, "existing tests that pass without it fail with it: tests/test_cart.py::test_old"));
    }

    [Fact]
    public void Decide_AllGood_DropsNothing() =>
        CombinedSuite.Decide(Reply(Test($"{Cart}::test_a", "passed"), Test("tests/test_x.py::test_y", "failed")), Kept,
            new HashSet<string>(), wholeFiles: true).ShouldBeEmpty();
}
