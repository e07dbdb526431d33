using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QuestMesh.Orchestrator.Apis.Responses;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Repositories;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// <c>/api/repository-runs/{runId}</c>: a whole-repository run (<c>POST /api/runs</c> without <c>targetFile</c>) as it
/// stands, and its reports (<c>coverage.xml</c>, <c>test-results.xml</c>, <c>summary.md</c>, <c>iteration_report.json</c>,
/// <c>coverage_gaps.json</c>, <c>htmlcov/</c>, <c>tests/generated/</c>). Its module runs are ordinary runs at
/// <c>/api/runs/{id}</c>.
/// </summary>
public static class RepositoryRunsApi
{
    public const string Resource = "/api/repository-runs";

    public static RouteGroupBuilder MapRepositoryRuns(this RouteGroupBuilder runs)
    {
        runs.MapGet("/{runId}", Get)
            .WithSummary("Get a repository run")
            .WithDescription("status queued, running, completed or failed; phase; coverage before and after; the gate; each module run with its run id.");
        runs.MapGet("/{runId}/artifacts", List)
            .WithSummary("List a repository run's reports");
        runs.MapGet("/{runId}/artifacts/{**name}", Read)
            .WithSummary("Get one report of a repository run")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "application/json");
        return runs;
    }

    private static async Task<Results<Ok<RepositoryRunRecord>, ProblemHttpResult>> Get(string runId, HttpContext http, IArtifactStore store) =>
        await FindAsync(runId, http, store) is { } run ? TypedResults.Ok(run) : Problems.RunNotFound(runId);

    private static async Task<Results<Ok<ArtifactList>, ProblemHttpResult>> List(string runId, HttpContext http, IArtifactStore store) =>
        await FindAsync(runId, http, store) is { } run
            ? TypedResults.Ok(await RunArtifactsApi.ListOf(run.RunId, Resource, store, http.RequestAborted))
            : Problems.RunNotFound(runId);

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Read(string runId, string? name, HttpContext http,
        IArtifactStore store) =>
        await FindAsync(runId, http, store) is { } run
            ? await RunArtifactsApi.ReadOf(run.RunId, Resource, name, store, http.RequestAborted)
            : Problems.RunNotFound(runId);

    /// <summary>The caller's repository run of that id; null for no id, an unknown one, or another tenant's.</summary>
    private static async Task<RepositoryRunRecord?> FindAsync(string runId, HttpContext http, IArtifactStore store) =>
        Guid.TryParse(runId, out var id) && await RepositoryRunJournal.ReadAsync(store, id, http.RequestAborted) is { } run
            && run.Tenant == Tenancy.Of(http)
            ? run
            : null;
}
