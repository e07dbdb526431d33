using QuestMesh.Generator.Hybrid;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tests.Hybrid;

public class GapPlanTests
{
    private static BriefReply Brief(params (string? Function, int Gaps)[] functions)
    {
        var lines = new List<BriefLine>();
        var line = 1;
        foreach (var (function, gaps) in functions)
            for (var i = 0; i < gaps; i++)
                lines.Add(new BriefLine(line++, $"x = {line}", function));
        return new BriefReply { Lines = lines };
    }

    [Fact]
    public void Calls_small_functions_share_one_call()
    {
        var calls = GapPlan.Calls(Brief(("a", 2), ("b", 3), (null, 1)), gapsPerCall: 10, maxCalls: 3);

        calls.Count.ShouldBe(1);
        GapPlan.Functions(calls[0]).ShouldBe(["b", "a", GapPlan.ModuleLevel], ignoreOrder: true);
        GapPlan.Count(calls[0]).ShouldBe(6);
    }

    [Fact]
    public void Calls_keep_a_functions_gaps_together_and_pack_the_rest_where_they_fit()
    {
        var calls = GapPlan.Calls(Brief(("a", 6), ("b", 5), ("c", 4)), gapsPerCall: 10, maxCalls: 5);

        calls.Count.ShouldBe(2);
        GapPlan.Functions(calls[0]).ShouldBe(["a", "c"], ignoreOrder: true);
        GapPlan.Functions(calls[1]).ShouldBe(["b"]);
    }

    [Fact]
    public void Calls_stop_at_the_limit_with_the_functions_with_most_gaps_first()
    {
        var calls = GapPlan.Calls(Brief(("small", 1), ("big", 9), ("middle", 5)), gapsPerCall: 9, maxCalls: 1);

        calls.Count.ShouldBe(1);
        GapPlan.Functions(calls[0]).ShouldBe(["big"]);
    }

    [Fact]
    public void Calls_cut_a_function_larger_than_one_call_and_put_branches_first()
    {
        var brief = Brief(("f", 8)) with { Branches = [new BriefBranch(3, 4, "if x:", "y()", "f")] };

        var call = GapPlan.Calls(brief, gapsPerCall: 5, maxCalls: 2).ShouldHaveSingleItem();

        call.Branches.Count.ShouldBe(1);
        call.Lines.Count.ShouldBe(4);
    }

    [Fact]
    public void Calls_without_gaps_make_none()
    {
        GapPlan.Calls(new BriefReply(), gapsPerCall: 10, maxCalls: 3).ShouldBeEmpty();
    }
}
