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
        return TypedResults.Ok(await ListOf(run.RunId, "/api/runs", store, http.RequestAborted));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string runId, string? name, HttpContext http, RunLookup runs, IArtifactStore store)
    {
        if (await runs.FindAsync(runId, Tenancy.Of(http), http.RequestAborted) is not { } run)
            return Problems.RunNotFound(runId);
        return await ReadOf(run.RunId, "/api/runs", name, store, http.RequestAborted);
    }

    /// <summary>A run's artifacts, each with its URL under <paramref name="resource"/> (<c>/api/runs</c>, <c>/api/repository-runs</c>).</summary>
    internal static async Task<ArtifactList> ListOf(Guid runId, string resource, IArtifactStore store, CancellationToken cancellationToken)
    {
        var names = await store.ListAsync(runId, cancellationToken);
        return new ArtifactList(runId,
            names.Select(n => new ArtifactEntry(n, $"{resource}/{runId}/artifacts/{string.Join('/', n.Split('/').Select(Uri.EscapeDataString))}")).ToList());
    }

    /// <summary>One artifact of a run the caller may see: only a name the store lists is read, whatever the name's spelling.</summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ReadOf(Guid runId, string resource, string? name,
        IArtifactStore store, CancellationToken cancellationToken)
    {
        var artifact = Uri.UnescapeDataString(name ?? "");
        if (ProjectPathRules.Problem(artifact) is { } problem)
            return Problems.Invalid("name", $"{problem}; artifact names are those GET {resource}/{runId}/artifacts lists", "The artifact name is not valid");
        var names = await store.ListAsync(runId, cancellationToken);
        if (!names.Contains(artifact, StringComparer.Ordinal)
            || await store.ReadAsync(runId, artifact, cancellationToken) is not { } content)
            return Problems.ArtifactNotFound(runId, artifact);
        return TypedResults.Text(content, ContentTypeOf(artifact), System.Text.Encoding.UTF8);
    }

    private static string ContentTypeOf(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain";
}
