using QuestMesh.Contracts;
using QuestMesh.Tests.Llm;
using QuestMesh.Tests.Shared;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Generator.Tests.Tasks;

/// <summary><c>GenerateTestFile</c>: a test module whose every test ran and passed against the source.</summary>
public sealed class GenerateTestFileConsumerTests : IAsyncLifetime
{
    private ScriptedLlmServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedLlmServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private static GenerateTestFile Discount() => new()
    {
        TaskId = Guid.NewGuid(),
        Source = new TaskSource { SourceCode = TaskSamples.Discount, ModuleName = TaskSamples.DiscountModule, SearchBudgetSeconds = 5 },
        Description = "Check each membership level and the negative price.",
    };

    private async Task<TestFileGenerated> GenerateAsync(GenerateTestFile command, bool withModel)
    {
        var settings = withModel
            ? new Dictionary<string, string?>
            {
                ["Generator:Llm:Endpoint"] = _model.BaseUrl + "/v1",
                ["Generator:Llm:Model"] = "scripted",
                ["Generator:Llm:MaxRetries"] = "0",
            }
            : null;
        await using var host = await ServiceTestHost.StartAsync(b => b.AddGenerator(), settings);
        await host.Harness.Bus.Publish(command);
        return await host.ReplyAsync<TestFileGenerated, GenerateTestFile>(r => r.TaskId == command.TaskId);
    }

    [Fact]
    public async Task Should_write_a_passing_test_file_with_the_search_and_say_the_description_was_not_used()
    {
        var reply = await GenerateAsync(Discount(), withModel: false);

        reply.Error.ShouldBeNull();
        reply.Strategy.ShouldBe("search");
        reply.GeneratedCode.ShouldContain("from shop.pricing import calculate_discount");
        reply.Tests.ShouldNotBeEmpty();
        reply.CoveredLines.ShouldContain(4);
        reply.CoveragePercent.ShouldBeGreaterThan(50);
        reply.Explanation.ShouldContain("description was not used");
        reply.Explanation.ShouldContain("all passed");
    }

    [Fact]
    public async Task Should_remove_the_models_failing_test_when_its_repair_is_not_usable()
    {
        const string code = "from shop.pricing import calculate_discount\n\n\ndef test_gold():\n    assert calculate_discount(100, \"gold\") == 80\n\n\n" +
                            "def test_silver_wrong():\n    assert calculate_discount(100, \"silver\") == 1\n";
        _model.ThenAnswer(new System.Text.Json.Nodes.JsonObject { ["generated_code"] = code, ["explanation"] = "Gold and silver." }.ToJsonString())
            .ThenAnswer("I cannot help with that.");

        var reply = await GenerateAsync(Discount(), withModel: true);

        reply.Error.ShouldBeNull();
        reply.Strategy.ShouldBe("llm");
        reply.LlmCalls.ShouldBe(2);
        reply.Tests.ShouldBe(["test_gold"]);
        reply.GeneratedCode.ShouldNotContain("test_silver_wrong");
        reply.Dropped.ShouldHaveSingleItem().Name.ShouldBe("test_silver_wrong");
        reply.Explanation.ShouldStartWith("Gold and silver.");
        reply.Explanation.ShouldContain("1 failing test was removed: test_silver_wrong");
        _model.Received[0].Message("user").ShouldContain("Check each membership level and the negative price.");
    }
}
