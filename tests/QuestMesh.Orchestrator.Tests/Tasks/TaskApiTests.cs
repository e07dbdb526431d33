using System.Net;
using System.Text.Json;
using MassTransit;
using MassTransit.Events;
using QuestMesh.Contracts;
using QuestMesh.Tests.Shared.Api;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>
/// The task API's life cycle through HTTP with the generator played on the bus: the command carries the
/// request, the generator's messages move the task pending → processing → completed | failed, and the
/// result reads in the original's snake_case.
/// </summary>
public sealed class TaskApiTests(TaskApiFactory api) : IClassFixture<TaskApiFactory>
{
    [Fact]
    public async Task Should_go_from_pending_to_processing_to_completed_with_the_generators_recommendations()
    {
        await using var generator = new FakeGenerator(api.Bus);
        await generator.Ready;
        var client = api.CreateClient();

        var taskId = await client.SubmitCoverageAsync(TaskSamples.DiscountBody());

        var command = await generator.CommandAsync<RecommendTests>(taskId);
        command.Source.SourceCode.ShouldBe(TaskSamples.Discount);
        command.Source.ModuleName.ShouldBe("shop.pricing");
        command.Source.SearchBudgetSeconds.ShouldBe(5);
        command.ExistingTestCode.ShouldBe(TaskSamples.DiscountTests);
        command.UncoveredRanges.ShouldBe(TaskSamples.DiscountRanges);
        (await client.GetTaskAsync(taskId)).GetProperty("status").GetString().ShouldBe("pending");

        await generator.ReplyAsync(api.Bus, taskId, new TaskWorkStarted(taskId));
        (await client.GetTaskAsync(taskId)).GetProperty("status").GetString().ShouldBe("processing");

        await generator.ReplyAsync(api.Bus, taskId, new TestsRecommended
        {
            TaskId = taskId,
            Strategy = "search",
            RecommendedTests =
            [
                new RecommendedTest
                {
                    TestNames = ["test_gold"], TestCode = "def test_gold():\n    assert calculate_discount(100, 'gold') == 80\n", TargetLine = 8,
                    ScenarioDescription = "gold", ExpectedCoverageImpact = "Executes uncovered line 6", CoveredLines = [3, 5, 6],
                    CoveredRangeLines = [6], Passed = true, Origin = "search",
                },
            ],
            Dropped = [new RejectedTest("test_zero", "passes, but executes none of the uncovered lines")],
        });
        // A late duplicate of the start does not move a finished task back.
        await generator.ReplyAsync(api.Bus, taskId, new TaskWorkStarted(taskId));

        var task = await client.GetTaskAsync(taskId);
        task.GetProperty("status").GetString().ShouldBe("completed");
        task.GetProperty("task_id").GetGuid().ShouldBe(taskId);
        task.GetProperty("kind").GetString().ShouldBe("coverage");
        task.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        var recommended = task.GetProperty("result").GetProperty("recommended_tests").EnumerateArray().Single();
        recommended.GetProperty("test_code").GetString().ShouldStartWith("def test_gold():");
        recommended.GetProperty("target_line").GetInt32().ShouldBe(8);
        recommended.GetProperty("scenario_description").GetString().ShouldBe("gold");
        recommended.GetProperty("expected_coverage_impact").GetString().ShouldBe("Executes uncovered line 6");
        recommended.GetProperty("covered_uncovered_lines").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([6]);
        recommended.GetProperty("passed").GetBoolean().ShouldBeTrue();
        recommended.GetProperty("executed").GetBoolean().ShouldBeTrue();
        task.GetProperty("result").GetProperty("dropped_tests")[0].GetProperty("reason").GetString()!.ShouldContain("none of the uncovered lines");
    }

    [Fact]
    public async Task Should_fail_the_task_with_the_generators_error_or_its_fault()
    {
        await using var generator = new FakeGenerator(api.Bus);
        await generator.Ready;
        var client = api.CreateClient();

        var failing = await client.SubmitCoverageAsync(TaskSamples.DivideBody());
        await generator.CommandAsync<RecommendTests>(failing);
        await generator.ReplyAsync(api.Bus, failing, new TestsRecommended { TaskId = failing, Error = "No tests: the module cannot be imported" });
        var failed = await client.GetTaskAsync(failing);
        failed.GetProperty("status").GetString().ShouldBe("failed");
        failed.GetProperty("error").GetProperty("message").GetString().ShouldBe("No tests: the module cannot be imported");
        failed.GetProperty("error").GetProperty("code").GetString().ShouldBe("task_failed");
        failed.GetProperty("result").ValueKind.ShouldBe(JsonValueKind.Null);

        var faulting = await client.SubmitCoverageAsync(TaskSamples.DivideBody());
        var command = await generator.CommandAsync<RecommendTests>(faulting);
        await generator.ReplyAsync<Fault<RecommendTests>>(api.Bus, faulting, new FaultEvent<RecommendTests>(command, Guid.NewGuid(), null,
            new InvalidOperationException("No Python interpreter with pytest and coverage was found"), null));
        var faulted = await client.GetTaskAsync(faulting);
        faulted.GetProperty("status").GetString().ShouldBe("failed");
        faulted.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("No Python interpreter");
    }

    [Fact]
    public async Task Should_answer_a_generation_with_its_file_when_the_generator_is_quick_and_with_the_task_otherwise()
    {
        await using var generator = new FakeGenerator(api.Bus);
        await generator.Ready;
        var client = api.CreateClient();

        using (var late = await client.PostTaskAsync("/generation", TaskSamples.GenerationBody(TaskSamples.Divide, "division", "calc")))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var accepted = JsonDocument.Parse(await late.Content.ReadAsStringAsync()).RootElement;
            var taskId = accepted.GetProperty("task_id").GetGuid();
            (await generator.CommandAsync<GenerateTestFile>(taskId)).Description.ShouldBe("division");
            await generator.ReplyAsync(api.Bus, taskId, new TestFileGenerated
            {
                TaskId = taskId, GeneratedCode = "def test_x():\n    pass\n", Explanation = "One test.", Tests = ["test_x"], Strategy = "search",
            });
            var task = await client.GetTaskAsync(taskId);
            task.GetProperty("kind").GetString().ShouldBe("generation");
            task.GetProperty("result").GetProperty("generated_code").GetString().ShouldBe("def test_x():\n    pass\n");
            task.GetProperty("result").GetProperty("explanation").GetString().ShouldBe("One test.");
        }
    }

    [Fact]
    public async Task Should_keep_a_tenants_task_from_every_other_tenant()
    {
        var client = api.CreateClient();
        var taskId = await client.SubmitCoverageAsync(TaskSamples.DivideBody(), tenant: "acme");

        (await client.GetTaskAsync(taskId, "acme")).GetProperty("status").GetString().ShouldBe("pending");
        foreach (var stranger in new[] { "globex", null })
        {
            var request = HostileRequests.Request(HttpMethod.Get, $"/tasks/{taskId}");
            if (stranger is not null)
                HostileRequests.Tenant(request, stranger);
            using var response = await client.SendAsync(request);
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, because: stranger ?? "no tenant");
        }
    }

    [Fact]
    public async Task Should_serve_the_task_api_in_the_openapi_document()
    {
        var document = await api.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/generation", out _).ShouldBeTrue();
        paths.TryGetProperty("/optimization/coverage", out _).ShouldBeTrue();
        paths.TryGetProperty("/tasks/{taskId}", out _).ShouldBeTrue();
    }
}
