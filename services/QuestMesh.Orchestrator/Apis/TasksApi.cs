using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Orchestrator.Apis.Tasks;
using QuestMesh.Orchestrator.Tasks;
using QuestMesh.Python;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// The original system's task API, kept compatible (snake_case JSON, root paths): <c>POST /generation</c>,
/// <c>POST /optimization/coverage</c> and <c>GET /tasks/{task_id}</c>. The handlers only check the request
/// and make the task; the generator does the work and its reply completes the task.
/// </summary>
public static class TasksApi
{
    /// <summary>How often a waiting <c>POST /generation</c> looks at the store for a task another replica finished.</summary>
    private static readonly TimeSpan WaitPoll = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/generation", Generate)
            .Accepts<GenerationTaskRequest>("application/json")
            .WithSummary("Write a test file for a module")
            .WithDescription("source_code and user_description in; generated_code and explanation out. Every test ran and passed against the source. "
                + "Answers 200 when the file is ready within Tasks:GenerationWaitSeconds, else 202 with the task to poll at /tasks/{task_id}.");
        tasks.MapPost("/optimization/coverage", Coverage)
            .Accepts<CoverageTaskRequest>("application/json")
            .WithSummary("Recommend tests for uncovered lines")
            .WithDescription("source_code, existing_test_code, uncovered_ranges and framework in; 202 with task_id. The completed task's result holds "
                + "recommended_tests: each ran against the source in a sandbox and passed, with its insertion line in the existing tests and the lines it covered.");
        tasks.MapGet("/tasks/{taskId}", Get)
            .WithSummary("Get a task")
            .WithDescription("status pending, processing, completed (with result) or failed (with error). Tasks are kept 24 hours.");
        return tasks;
    }

    private static async Task<IResult> Coverage(HttpContext http, TaskRequestValidator validator, ITaskStore store, IBus bus,
        IOptions<ApiOptions> api)
    {
        var (request, refusal) = await ReadAsync<CoverageTaskRequest>(http, api.Value);
        if (refusal is not null)
            return refusal;
        var (command, errors) = await CheckAsync(() => validator.ValidateAsync(request!, http.RequestAborted));
        if (command is null)
            return errors!;
        var task = await StartAsync(store, bus, TaskKinds.Coverage, http, id => command with { TaskId = id });
        return Accepted(http, task, command.Source);
    }

    private static async Task<IResult> Generate(HttpContext http, TaskRequestValidator validator, ITaskStore store, IBus bus, TaskEndSignals signals,
        TimeProvider clock, IOptions<ApiOptions> api, IOptions<TaskApiOptions> options)
    {
        var (request, refusal) = await ReadAsync<GenerationTaskRequest>(http, api.Value);
        if (refusal is not null)
            return refusal;
        var (command, errors) = await CheckAsync(() => validator.ValidateAsync(request!, http.RequestAborted));
        if (command is null)
            return errors!;
        var task = await StartAsync(store, bus, TaskKinds.Generation, http, id => command with { TaskId = id });

        var ended = await WaitAsync(store, signals, task, TimeSpan.FromSeconds(options.Value.GenerationWaitSeconds), http.RequestAborted);
        var view = TaskStatusResponse.From(ended, clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.TimeoutMinutes));
        if (view.Status == TaskStatuses.Completed && view.Result is JsonObject result)
        {
            var body = new JsonObject { ["task_id"] = task.TaskId, ["status"] = view.Status };
            foreach (var (name, value) in result.ToList())
                body[name] = value?.DeepClone();
            return TypedResults.Json(body, TaskJson.Options);
        }
        if (view.Status == TaskStatuses.Failed)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No test file could be written",
                detail: view.Error?.Message, extensions: new Dictionary<string, object?> { ["task_id"] = task.TaskId });
        return Accepted(http, ended, command.Source);
    }

    private static async Task<IResult> Get(string taskId, HttpContext http, ITaskStore store, TimeProvider clock, IOptions<TaskApiOptions> options) =>
        Guid.TryParse(taskId, out var id) && await store.FindAsync(id, Tenancy.Of(http), http.RequestAborted) is { } task
            ? TypedResults.Json(TaskStatusResponse.From(task, clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.TimeoutMinutes)), TaskJson.Options)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Task not found",
                detail: $"There is no task '{Problems.Shown(taskId)}' for you. Task ids are the task_id that POST /optimization/coverage " +
                        "and POST /generation answer; a task is kept 24 hours.");

    private static async Task<(T? Request, IResult? Refusal)> ReadAsync<T>(HttpContext http, ApiOptions api) where T : class
    {
        if (!RequestBodies.IsJson(http.Request.ContentType))
            return (null, Problems.UnsupportedMediaType("Send the request as JSON with the header 'Content-Type: application/json'."));
        var (request, unreadable) = await RequestBodies.ReadJsonAsync<T>(http.Request, api.MaxRequestBytes, "Api:MaxRequestBytes",
            TaskJson.Options, http.RequestAborted);
        return unreadable is null ? (request, null) : (null, Problems.Invalid(unreadable));
    }

    /// <summary>The command, or the answer that refuses it: the field errors, or 503 when Python cannot be asked whether the code parses.</summary>
    private static async Task<(TCommand? Command, IResult? Refusal)> CheckAsync<TCommand>(Func<Task<(TCommand?, FieldErrors)>> validate)
        where TCommand : class
    {
        try
        {
            var (command, errors) = await validate();
            return command is null ? (null, Problems.Invalid(errors)) : (command, null);
        }
        catch (Exception error) when (error is PythonEnvironmentException or HarnessException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Python is not available",
                detail: $"The task API asks Python whether the code parses, and could not: {error.Message}"));
        }
    }

    private static async Task<TaskRecord> StartAsync<TCommand>(ITaskStore store, IBus bus, string kind, HttpContext http, Func<Guid, TCommand> command)
        where TCommand : class
    {
        var task = await store.CreateAsync(kind, Tenancy.Of(http), http.RequestAborted);
        try
        {
            await bus.Publish(command(task.TaskId), http.RequestAborted);
        }
        catch
        {
            await store.FailAsync(task.TaskId, "The task could not be handed to a generator.", CancellationToken.None);
            throw;
        }
        return task;
    }

    /// <summary>The task once it ended (here or on another replica), or as it stands after <paramref name="atMost"/>.</summary>
    private static async Task<TaskRecord> WaitAsync(ITaskStore store, TaskEndSignals signals, TaskRecord task, TimeSpan atMost,
        CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + atMost;
        try
        {
            while (true)
            {
                var current = await store.FindAsync(task.TaskId, task.Tenant, cancellationToken) ?? task;
                var left = until - DateTime.UtcNow;
                if (TaskStatuses.IsFinal(current.Status) || left <= TimeSpan.Zero)
                    return current;
                await signals.WaitAsync(task.TaskId, left < WaitPoll ? left : WaitPoll, cancellationToken);
            }
        }
        finally
        {
            signals.Forget(task.TaskId);
        }
    }

    private static IResult Accepted(HttpContext http, TaskRecord task, TaskSource source)
    {
        http.Response.Headers.Location = $"/tasks/{task.TaskId}";
        return TypedResults.Json(new TaskAccepted(task.TaskId, task.Status, source.SearchBudgetSeconds + 20), TaskJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }
}
