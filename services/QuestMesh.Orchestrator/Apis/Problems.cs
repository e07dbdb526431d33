using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestMesh.Orchestrator.Apis.Requests;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>The API's answers that are not what was asked for: RFC 7807 problem details a person can act on.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(FieldErrors errors, string title = "The request has invalid fields") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: title,
            detail: "Correct the fields named in 'errors' and send the request again.");

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title = "The request could not be read") =>
        TypedResults.ValidationProblem(errors, title: title,
            detail: "Correct the fields named in 'errors' and send the request again.");

    public static ValidationProblem Invalid(string field, string message, string title = "The request has invalid fields")
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors, title);
    }

    public static ProblemHttpResult RunNotFound(string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Run not found",
            detail: $"There is no run '{Shown(id)}' for you. Run ids are the runId that POST /api/runs answers; GET /api/runs lists your runs.");

    public static ProblemHttpResult ArtifactNotFound(Guid runId, string name) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Artifact not found",
            detail: $"Run {runId} has no artifact '{Shown(name)}' (yet). GET /api/runs/{runId}/artifacts lists the ones it has.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type", detail: detail);

    /// <summary>A value the caller sent, cut short and without control characters, for a message.</summary>
    public static string Shown(string value)
    {
        var clean = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 80 ? clean[..80] + "…" : clean;
    }
}
