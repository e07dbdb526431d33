using QuestMesh.Tests.Llm;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Standalone.Tests.Tasks;

/// <summary>
/// The task API's examples through HTTP on <c>questmesh serve</c> with a model (the scripted
/// OpenAI-compatible server): its tests are run before they are recommended, a failing one is repaired
/// once, and one that executes none of the uncovered lines is dropped with the reason.
/// </summary>
public sealed class TaskApiModelServeTests : IAsyncLifetime
{
    private ScriptedLlmServer _model = null!;
    private TaskServe _serve = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedLlmServer.StartAsync();
        _serve = await TaskServe.StartAsync(new Dictionary<string, string?>
        {
            ["Generator:Llm:Endpoint"] = _model.BaseUrl + "/v1",
            ["Generator:Llm:Model"] = "scripted",
            ["Generator:Llm:MaxRetries"] = "0",
            ["Generator:Llm:Prices:scripted:InputPerMillion"] = "2",
            ["Generator:Llm:Prices:scripted:OutputPerMillion"] = "8",
        });
    }

    public async Task DisposeAsync()
    {
        await _serve.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Should_complete_the_discount_example_with_the_models_tests_run_repaired_and_filtered()
    {
        _model.ThenAnswer(TaskSamples.DiscountAnswer()).ThenAnswer(TaskSamples.DiscountRepair());

        var task = await _serve.CoverageAsync(TaskSamples.DiscountBody());

        task.GetProperty("status").GetString().ShouldBe("completed", task.ToString());
        var result = task.GetProperty("result");
        result.GetProperty("strategy").GetString().ShouldBe("llm");
        result.GetProperty("llm_calls").GetInt32().ShouldBe(2);
        result.GetProperty("estimated_cost").GetDecimal().ShouldBeGreaterThan(0);
        var tests = result.GetProperty("recommended_tests").EnumerateArray().ToList();
        tests.Select(t => t.GetProperty("test_names")[0].GetString()).ShouldBe(
            ["test_gold_members_get_twenty_percent_off", "test_silver_members_get_ten_percent_off"], ignoreOrder: true);
        tests.ShouldAllBe(t => t.GetProperty("executed").GetBoolean() && t.GetProperty("passed").GetBoolean() && t.GetProperty("target_line").GetInt32() == 8);
        var silver = tests.Single(t => t.GetProperty("test_names")[0].GetString()!.Contains("silver"));
        silver.GetProperty("repaired").GetBoolean().ShouldBeTrue();
        silver.GetProperty("covered_uncovered_lines").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([8]);
        // The existing module imports calculate_discount already: the snippet does not repeat it.
        silver.GetProperty("test_code").GetString()!.ShouldStartWith("import pytest\n\n\ndef test_silver_members_get_ten_percent_off():");
        var dropped = result.GetProperty("dropped_tests").EnumerateArray().Single();
        dropped.GetProperty("name").GetString().ShouldBe("test_unknown_membership_pays_full_price");
        dropped.GetProperty("reason").GetString()!.ShouldContain("none of the uncovered lines");
    }

    [Fact]
    public async Task Should_complete_the_divide_example_from_a_fenced_answer()
    {
        _model.ThenAnswer(TaskSamples.DivideAnswer());

        var task = await _serve.CoverageAsync(TaskSamples.DivideBody());

        task.GetProperty("status").GetString().ShouldBe("completed", task.ToString());
        var test = task.GetProperty("result").GetProperty("recommended_tests").EnumerateArray().ShouldHaveSingleItem();
        test.GetProperty("origin").GetString().ShouldBe("llm");
        test.GetProperty("passed").GetBoolean().ShouldBeTrue();
        test.GetProperty("covered_uncovered_lines").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([3]);
        test.GetProperty("scenario_description").GetString().ShouldBe("Dividing by zero raises ValueError");
        _model.Received.ShouldHaveSingleItem().Message("user").ShouldContain("3 |         raise ValueError(\"Cannot divide by zero\")");
    }
}
