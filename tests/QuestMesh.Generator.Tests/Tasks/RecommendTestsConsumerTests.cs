using QuestMesh.Contracts;
using QuestMesh.Tests.Llm;
using QuestMesh.Tests.Shared;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Generator.Tests.Tasks;

/// <summary>
/// <c>RecommendTests</c> on the task API's two examples, with real Python in the sandbox: every
/// recommended test ran against the source and passed, and says what it covered and where it goes.
/// </summary>
public sealed class RecommendTestsConsumerTests : IAsyncLifetime
{
    private ScriptedLlmServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedLlmServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private static RecommendTests Discount() => new()
    {
        TaskId = Guid.NewGuid(),
        Source = new TaskSource { SourceCode = TaskSamples.Discount, ModuleName = TaskSamples.DiscountModule, SearchBudgetSeconds = 5 },
        ExistingTestCode = TaskSamples.DiscountTests,
        UncoveredRanges = TaskSamples.DiscountRanges,
    };

    private static RecommendTests Divide() => new()
    {
        TaskId = Guid.NewGuid(),
        Source = new TaskSource
        {
            SourceCode = TaskSamples.Divide, ModuleName = TaskSamples.DivideModule, Framework = TestFrameworks.Unittest, SearchBudgetSeconds = 5,
        },
        ExistingTestCode = TaskSamples.DivideTests,
        UncoveredRanges = TaskSamples.DivideRanges,
    };

    private async Task<(TestsRecommended Reply, ServiceTestHost Host)> RecommendAsync(RecommendTests command, bool withModel)
    {
        var settings = withModel
            ? new Dictionary<string, string?>
            {
                ["Generator:Llm:Endpoint"] = _model.BaseUrl + "/v1",
                ["Generator:Llm:Model"] = "scripted",
                ["Generator:Llm:MaxRetries"] = "0",
            }
            : null;
        var host = await ServiceTestHost.StartAsync(b => b.AddGenerator(), settings);
        await host.Harness.Bus.Publish(command);
        return (await host.ReplyAsync<TestsRecommended, RecommendTests>(r => r.TaskId == command.TaskId), host);
    }

    [Fact]
    public async Task Should_recommend_search_tests_that_passed_and_cover_every_uncovered_discount_line()
    {
        var command = Discount();
        var (reply, host) = await RecommendAsync(command, withModel: false);
        await using var _ = host;

        reply.Error.ShouldBeNull();
        reply.Strategy.ShouldBe("search");
        reply.LlmCalls.ShouldBe(0);
        reply.RecommendedTests.ShouldNotBeEmpty();
        reply.RecommendedTests.ShouldAllBe(t => t.Passed && t.Origin == "search" && t.CoveredRangeLines.Count > 0);
        reply.RecommendedTests.SelectMany(t => t.CoveredRangeLines).ShouldBe([4, 6, 8], ignoreOrder: true);
        // Before the main guard of the existing module, and without repeating its import.
        reply.RecommendedTests.ShouldAllBe(t => t.TargetLine == 8);
        reply.RecommendedTests.ShouldAllBe(t => t.TestCode.Contains("def test_") && !t.TestCode.Contains("from shop.pricing import calculate_discount\n"));
        reply.RecommendedTests.ShouldAllBe(t => t.ExpectedCoverageImpact.StartsWith("Executes uncovered line"));
        (await host.Harness.Published.Any<TaskWorkStarted>(m => m.Context.Message.TaskId == command.TaskId)).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_recommend_a_unittest_search_test_for_the_division_by_zero()
    {
        var (reply, host) = await RecommendAsync(Divide(), withModel: false);
        await using var _ = host;

        reply.Error.ShouldBeNull();
        var test = reply.RecommendedTests.ShouldHaveSingleItem();
        test.Passed.ShouldBeTrue();
        test.CoveredRangeLines.ShouldBe([3]);
        test.CoveredLines.ShouldContain(2);
        test.TestCode.ShouldContain("unittest");
        test.TargetLine.ShouldBe(TaskSamples.DivideTests.Split('\n').Length + 1);
    }

    [Fact]
    public async Task Should_keep_the_models_passing_test_repair_its_failing_one_once_and_drop_the_one_that_covers_nothing_asked()
    {
        _model.ThenAnswer(TaskSamples.DiscountAnswer()).ThenAnswer(TaskSamples.DiscountRepair());

        var (reply, host) = await RecommendAsync(Discount(), withModel: true);
        await using var _ = host;

        reply.Error.ShouldBeNull();
        reply.Strategy.ShouldBe("llm");
        reply.LlmCalls.ShouldBe(2);
        reply.RecommendedTests.Select(t => t.TestNames.Single()).ShouldBe(
            ["test_gold_members_get_twenty_percent_off", "test_silver_members_get_ten_percent_off"], ignoreOrder: true);
        var silver = reply.RecommendedTests.Single(t => t.TestNames.Single().Contains("silver"));
        silver.Repaired.ShouldBeTrue();
        silver.CoveredRangeLines.ShouldBe([8]);
        silver.TestCode.ShouldContain("pytest.approx(90)");
        silver.ScenarioDescription.ShouldBe("A silver member pays 90 % of the price");
        reply.RecommendedTests.Single(t => t.TestNames.Single().Contains("gold")).CoveredRangeLines.ShouldBe([6]);
        reply.Dropped.ShouldContain(d => d.Name == "test_unknown_membership_pays_full_price" && d.Reason.Contains("none of the uncovered lines"));

        var ask = _model.Received[0].Message("user");
        ask.ShouldContain("4 |         raise ValueError(\"price must not be negative\")");
        ask.ShouldContain("- line 6 in `calculate_discount`: `return price * 0.8`");
        ask.ShouldContain("def test_regular_members_pay_the_full_price():");
        _model.Received[0].Message("system").ShouldContain("one JSON object");
        var repair = _model.Received[1].Message("user");
        repair.ShouldContain("assert calculate_discount(100, \"silver\") == 85");
        repair.ShouldContain("AssertionError");
    }

    [Fact]
    public async Task Should_read_a_fenced_json_answer_and_run_its_unittest_class()
    {
        _model.ThenAnswer(TaskSamples.DivideAnswer());

        var (reply, host) = await RecommendAsync(Divide(), withModel: true);
        await using var _ = host;

        reply.Error.ShouldBeNull();
        var test = reply.RecommendedTests.ShouldHaveSingleItem();
        test.TestNames.ShouldBe(["DivideByZeroTests"]);
        test.Origin.ShouldBe("llm");
        test.CoveredRangeLines.ShouldBe([3]);
        test.TestCode.ShouldStartWith("class DivideByZeroTests(unittest.TestCase):");
    }

    [Fact]
    public async Task Should_fall_back_to_the_search_when_the_model_refuses_and_say_why()
    {
        _model.ThenError(401, "bad key");

        var (reply, host) = await RecommendAsync(Divide(), withModel: true);
        await using var _ = host;

        reply.Error.ShouldBeNull();
        reply.Strategy.ShouldBe("search");
        reply.LlmFailure.ShouldNotBeNull().ShouldContain("401");
        reply.RecommendedTests.ShouldHaveSingleItem().CoveredRangeLines.ShouldBe([3]);
    }

    [Fact]
    public async Task Should_fail_the_task_with_the_line_when_the_source_does_not_parse()
    {
        var command = Divide() with { Source = Divide().Source with { SourceCode = "def divide(a, b:\n    return a / b\n" } };

        var (reply, host) = await RecommendAsync(command, withModel: false);
        await using var _ = host;

        reply.Error.ShouldNotBeNull().ShouldContain("line 1");
        reply.RecommendedTests.ShouldBeEmpty();
    }
}
