using System.Text.Json.Nodes;
using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>The answer to a task accepted for work (202): the task to poll at <c>GET /tasks/{task_id}</c>.</summary>
public sealed record TaskAccepted(Guid TaskId, string Status, int EstimatedTimeSeconds);

/// <summary><c>error</c> of a failed task, in the original system's shape.</summary>
public sealed record TaskError(string Message, string Code, JsonObject? Details = null)
{
    public const string Failed = "task_failed";
    public const string TimedOut = "timed_out";
}

/// <summary>
/// <c>GET /tasks/{task_id}</c>: where the task stands; <c>result</c> once it completed (a coverage task's
/// <c>recommended_tests</c>, a generation's <c>generated_code</c> and <c>explanation</c>), <c>error</c> once it failed.
/// </summary>
public sealed record TaskStatusResponse(
    Guid TaskId,
    string Kind,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonNode? Result,
    TaskError? Error)
{
    /// <summary>The record as the API shows it at <paramref name="now"/>: a task past <paramref name="timeout"/> that never ended is failed.</summary>
    public static TaskStatusResponse From(TaskRecord task, DateTimeOffset now, TimeSpan timeout)
    {
        if (!TaskStatuses.IsFinal(task.Status) && now - task.CreatedAt >= timeout)
            return new TaskStatusResponse(task.TaskId, task.Kind, TaskStatuses.Failed, task.CreatedAt, task.UpdatedAt, null, new TaskError(
                $"No generator finished the task within {timeout.TotalMinutes:0} minutes (Tasks:TimeoutMinutes); " +
                "check that a generator is running and submit it again.", TaskError.TimedOut));
        return new TaskStatusResponse(task.TaskId, task.Kind, task.Status, task.CreatedAt, task.UpdatedAt,
            task.Status == TaskStatuses.Completed && task.ResultJson is { } json ? JsonNode.Parse(json) : null,
            task.Status == TaskStatuses.Failed ? new TaskError(task.Error ?? "The task failed.", TaskError.Failed) : null);
    }
}
