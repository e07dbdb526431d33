using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Orchestrator.Apis.Responses;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Apis;

/// <summary><c>/api/runs/{runId}/artifacts</c>: the files every step of a run leaves (DESIGN.md §4).</summary>
public static class RunArtifactsApi
{
    public static RouteGroupBuilder MapRunArtifacts(this RouteGroupBuilder runs)
    {
        runs.MapGet("/{runId}/artifacts", List)
            .WithSummary("List a run's artifacts")
            .WithDescription("Names such as events.log, attempt_0.response.json and final/tests/test_module.py, each with its URL.");
        runs.MapGet("/{runId}/artifacts/{**name}", Get)
            .WithSummary("Get one artifact")
            .WithDescription("The artifact's text: JSON for .json names, plain text otherwise. Names may contain '/' (final/…).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "application/json");
        return runs;
    }

    private static async Task<Results<Ok<ArtifactList>, ProblemHttpResult>> List(string runId, HttpContext http, RunLookup runs, IArtifactStore store)
    {
        if (await runs.FindAsync(runId, Tenancy.Of(http), http.RequestAborted) is not { } run)
            return Problems.RunNotFound(runId);
        var names = await store.ListAsync(run.RunId, http.RequestAborted);
        return TypedResults.Ok(new ArtifactList(run.RunId,
            names.Select(n => new ArtifactEntry(n, $"/api/runs/{run.RunId}/artifacts/{string.Join('/', n.Split('/').Select(Uri.EscapeDataString))}")).ToList()));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string runId, string? name, HttpContext http, RunLookup runs, IArtifactStore store)
    {
        if (await runs.FindAsync(runId, Tenancy.Of(http), http.RequestAborted) is not { } run)
            return Problems.RunNotFound(runId);
        var artifact = Uri.UnescapeDataString(name ?? "");
        if (ProjectPathRules.Problem(artifact) is { } problem)
            return Problems.Invalid("name", $"{problem}; artifact names are those GET /api/runs/{run.RunId}/artifacts lists", "The artifact name is not valid");
        // Only a name the store lists is read: nothing else can be reached, whatever the name's spelling.
        var names = await store.ListAsync(run.RunId, http.RequestAborted);
        if (!names.Contains(artifact, StringComparer.Ordinal)
            || await store.ReadAsync(run.RunId, artifact, http.RequestAborted) is not { } content)
            return Problems.ArtifactNotFound(run.RunId, artifact);
        return TypedResults.Text(content, ContentTypeOf(artifact), System.Text.Encoding.UTF8);
    }

    private static string ContentTypeOf(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain";
}
