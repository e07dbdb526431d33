using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Orchestrator.Apis.Responses;
using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.Orchestrator.Apis;

/// <summary><c>/api/runs</c>: submit, list, look at and cancel runs.</summary>
public static class RunsApi
{
    private const int DefaultPageSize = 20;
    private static readonly string[] ListParameters = ["status", "page", "pageSize"];

    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder runs)
    {
        runs.MapPost("/", Submit)
            .Accepts<SubmitRunRequest>("application/json")
            .WithSummary("Submit a run")
            .WithDescription("Starts a run on a Python project given inline, as a git URL, or as an archive uploaded to /api/sources. "
                + "Answers 202 with the run id and its Location; the run then goes on by itself.");
        runs.MapGet("/", List)
            .WithSummary("List runs")
            .WithDescription("Your runs, newest first. 'status' filters (repeat it or separate values with commas: pending, running, completed, failed, cancelled); "
                + "'page' counts from 1; 'pageSize' is 1 to Api:MaxPageSize (default 20).");
        runs.MapGet("/{runId}", Get)
            .WithSummary("Get a run")
            .WithDescription("Where the run stands (status pending, running, completed, failed or cancelled), its best coverage and mutation score, its attempts, and why it ended.");
        runs.MapDelete("/{runId}", Cancel)
            .WithSummary("Cancel a run")
            .WithDescription("Asks the run to stop; it ends as 'cancelled' and keeps the best suite so far. A run that has already ended answers 409.");
        return runs;
    }

    private static async Task<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>> Submit(
        HttpContext http, SubmitRunValidator validator, SubmittedRuns submitted, IBus bus, RepositoryRunWorker repositories,
        IOptions<ApiOptions> options)
    {
        if (!RequestBodies.IsJson(http.Request.ContentType))
            return Problems.UnsupportedMediaType("Send the run as JSON with the header 'Content-Type: application/json'.");
        var (request, unreadable) = await RequestBodies.ReadJsonAsync<SubmitRunRequest>(
            http.Request, options.Value.MaxRequestBytes, "Api:MaxRequestBytes", http.RequestAborted);
        if (unreadable is not null)
            return Problems.Invalid(unreadable);
        if (request!.TargetFile is null)
        {
            var (order, problems) = validator.ValidateRepository(request, Tenancy.Of(http));
            if (order is null)
                return Problems.Invalid(problems);
            await repositories.AcceptAsync(order, http.RequestAborted);
            return TypedResults.Accepted($"{RepositoryRunsApi.Resource}/{order.RunId}", new RunAccepted(order.RunId));
        }
        var (command, errors) = validator.Validate(request, Tenancy.Of(http));
        if (command is null)
            return Problems.Invalid(errors);

        submitted.Add(command);
        try
        {
            await bus.Publish(command, http.RequestAborted);
        }
        catch
        {
            submitted.Started(command.RunId);
            throw;
        }
        return TypedResults.Accepted($"/api/runs/{command.RunId}", new RunAccepted(command.RunId));
    }

    private static async Task<Results<Ok<RunPage>, ValidationProblem>> List(HttpContext http, RunLookup runs, IOptions<ApiOptions> options)
    {
        var query = http.Request.Query;
        var errors = new FieldErrors();
        foreach (var unknown in query.Keys.Where(k => !ListParameters.Contains(k)))
            errors.Add(unknown, "is not a parameter of this list; use status, page and pageSize");
        var statuses = query["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var status in statuses.Where(s => !RunStatuses.All.Contains(s)))
            errors.Add("status", $"'{Problems.Shown(status)}' is not a status; use pending, running, completed, failed or cancelled");
        var page = WholeNumber(query, "page", 1, 1, 1_000_000, errors);
        var pageSize = WholeNumber(query, "pageSize", DefaultPageSize, 1, options.Value.MaxPageSize, errors);
        if (errors.Any)
            return Problems.Invalid(errors, "The list parameters are not valid");

        var states = statuses.Distinct().SelectMany(RunStatusMap.StatesOf).ToList();
        var found = await runs.ListAsync(Tenancy.Of(http), states, (page - 1) * pageSize, pageSize, http.RequestAborted);
        return TypedResults.Ok(new RunPage(found.Items.Select(RunSummary.From).ToList(), page, pageSize, found.Total));
    }

    private static async Task<Results<Ok<RunDetails>, ProblemHttpResult>> Get(string runId, HttpContext http, RunLookup runs) =>
        await runs.FindAsync(runId, Tenancy.Of(http), http.RequestAborted) is { } run
            ? TypedResults.Ok(RunDetails.From(run))
            : Problems.RunNotFound(runId);

    private static async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> Cancel(string runId, HttpContext http, RunLookup runs, IBus bus)
    {
        if (await runs.FindAsync(runId, Tenancy.Of(http), http.RequestAborted) is not { } run)
            return Problems.RunNotFound(runId);
        if (RunStatuses.IsFinal(run.Status))
            return Problems.Conflict("The run has already ended",
                run.TerminationReason is { } reason && reason != run.Status
                    ? $"Run {run.RunId} is {run.Status} ({reason}); there is nothing to cancel."
                    : $"Run {run.RunId} is {run.Status}; there is nothing to cancel.");
        if (run.Status == RunStatuses.Pending)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problems.Conflict("The run is still starting",
                $"Run {run.RunId} was accepted but has not started yet; send the cancellation again in a second.");
        }
        await bus.Publish(new CancelRun(run.RunId, "cancelled through the API"), http.RequestAborted);
        return TypedResults.Accepted($"/api/runs/{run.RunId}", new RunAccepted(run.RunId));
    }

    private static int WholeNumber(IQueryCollection query, string name, int fallback, int min, int max, FieldErrors errors)
    {
        var values = query[name];
        if (values.Count == 0)
            return fallback;
        if (values.Count > 1 || !int.TryParse(values[0], out var value) || value < min || value > max)
        {
            errors.Add(name, $"must be one whole number from {min} to {max}");
            return fallback;
        }
        return value;
    }
}
