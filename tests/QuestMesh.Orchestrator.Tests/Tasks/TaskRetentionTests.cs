using System.Net;
using QuestMesh.Tests.Shared.Api;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>A task is kept 24 hours after it was made, on the injected clock; one that never ends is reported failed after Tasks:TimeoutMinutes.</summary>
public sealed class TaskRetentionTests : IDisposable
{
    private readonly TaskApiFactory _api = new();

    [Fact]
    public async Task Should_keep_a_task_24_hours_and_then_answer_404()
    {
        var client = _api.CreateClient();
        var taskId = await client.SubmitCoverageAsync(TaskSamples.DivideBody());

        _api.Clock.Now += TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1);
        (await client.GetTaskAsync(taskId)).GetProperty("task_id").GetGuid().ShouldBe(taskId);

        _api.Clock.Now += TimeSpan.FromSeconds(1);
        using var gone = await client.GetAsync($"/tasks/{taskId}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_report_a_task_no_generator_finished_as_failed_after_the_timeout()
    {
        var client = _api.CreateClient();
        var taskId = await client.SubmitCoverageAsync(TaskSamples.DivideBody());

        _api.Clock.Now += TimeSpan.FromMinutes(29);
        (await client.GetTaskAsync(taskId)).GetProperty("status").GetString().ShouldBe("pending");

        _api.Clock.Now += TimeSpan.FromMinutes(1);
        var task = await client.GetTaskAsync(taskId);
        task.GetProperty("status").GetString().ShouldBe("failed");
        task.GetProperty("error").GetProperty("code").GetString().ShouldBe("timed_out");
        task.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("Tasks:TimeoutMinutes");
    }

    public void Dispose() => _api.Dispose();
}
