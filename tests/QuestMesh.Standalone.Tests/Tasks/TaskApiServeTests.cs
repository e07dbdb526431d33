using System.Net;
using System.Text.Json;
using QuestMesh.Tests.Shared.Api;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Standalone.Tests.Tasks;

/// <summary>
/// The task API's examples through HTTP on <c>questmesh serve</c> with no model: the offline search
/// recommends tests for the uncovered lines, and each ran against the source in the sandbox and passed.
/// </summary>
public sealed class TaskApiServeTests : IAsyncLifetime
{
    private TaskServe _serve = null!;

    public async Task InitializeAsync() => _serve = await TaskServe.StartAsync();

    public async Task DisposeAsync() => await _serve.DisposeAsync();

    [Fact]
    public async Task Should_complete_the_discount_example_with_executed_passing_tests_for_every_uncovered_line()
    {
        var task = await _serve.CoverageAsync(TaskSamples.DiscountBody());

        task.GetProperty("status").GetString().ShouldBe("completed", task.ToString());
        var result = task.GetProperty("result");
        result.GetProperty("strategy").GetString().ShouldBe("search");
        var tests = result.GetProperty("recommended_tests").EnumerateArray().ToList();
        tests.ShouldNotBeEmpty();
        foreach (var test in tests)
        {
            test.GetProperty("executed").GetBoolean().ShouldBeTrue();
            test.GetProperty("passed").GetBoolean().ShouldBeTrue();
            test.GetProperty("target_line").GetInt32().ShouldBe(8);
            test.GetProperty("test_code").GetString()!.ShouldContain("calculate_discount(");
            test.GetProperty("scenario_description").GetString().ShouldNotBeNullOrWhiteSpace();
            test.GetProperty("expected_coverage_impact").GetString()!.ShouldContain("passed");
        }
        tests.SelectMany(t => t.GetProperty("covered_uncovered_lines").EnumerateArray().Select(l => l.GetInt32())).ShouldBe([4, 6, 8], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_complete_the_divide_example_with_a_unittest_that_raises_on_zero()
    {
        var task = await _serve.CoverageAsync(TaskSamples.DivideBody());

        task.GetProperty("status").GetString().ShouldBe("completed", task.ToString());
        var test = task.GetProperty("result").GetProperty("recommended_tests").EnumerateArray().ShouldHaveSingleItem();
        test.GetProperty("passed").GetBoolean().ShouldBeTrue();
        test.GetProperty("covered_uncovered_lines").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([3]);
        test.GetProperty("test_code").GetString()!.ShouldContain("ValueError");
        test.GetProperty("target_line").GetInt32().ShouldBe(TaskSamples.DivideTests.Split('\n').Length + 1);
    }

    [Fact]
    public async Task Should_answer_a_generation_with_a_test_file_that_passed()
    {
        using var response = await _serve.Client.PostAsync("/generation",
            ApiSamples.Json(TaskSamples.GenerationBody(TaskSamples.Divide, "Dividing by zero must raise.", TaskSamples.DivideModule).ToJsonString()));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("status").GetString().ShouldBe("completed");
        body.GetProperty("generated_code").GetString()!.ShouldContain("from calc import divide");
        body.GetProperty("explanation").GetString()!.ShouldContain("all passed");
        body.GetProperty("covered_lines").EnumerateArray().Select(l => l.GetInt32()).ShouldContain(3);
        var task = await _serve.Client.GetJsonAsync($"/tasks/{body.GetProperty("task_id").GetGuid()}");
        task.GetProperty("result").GetProperty("generated_code").GetString().ShouldBe(body.GetProperty("generated_code").GetString());
    }
}
