using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuestMesh.Orchestrator.Apis.Events;

namespace QuestMesh.Orchestrator.Apis;

/// <summary><c>/api/runs/{runId}/events</c>: a run's steps as server-sent events, ending with the run's end.</summary>
public static class RunEventsApi
{
    public static RouteGroupBuilder MapRunEvents(this RouteGroupBuilder runs)
    {
        runs.MapGet("/{runId}/events", Stream)
            .WithSummary("Follow a run")
            .WithDescription("Server-sent events: one 'step' event per step (data: attempt, state, phase, coverage, mutationScore, detail, at; id: the step's key), "
                + "then one 'end' event with the run as GET /api/runs/{runId} shows it, and the stream closes. A finished run replays its steps, then ends. "
                + "Reconnect with Last-Event-ID to get only the steps after that one.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return runs;
    }

    private static async Task<IResult> Stream(string runId, HttpContext http, RunLookup runs, RunEventStream stream)
    {
        var tenant = Tenancy.Of(http);
        if (await runs.FindAsync(runId, tenant, http.RequestAborted) is not { } run)
            return Problems.RunNotFound(runId);
        await stream.WriteAsync(http, run, ct => runs.FindAsync(run.RunId, tenant, ct));
        return Results.Empty;
    }
}
