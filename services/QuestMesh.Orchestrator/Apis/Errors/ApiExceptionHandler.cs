using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using QuestMesh.Orchestrator.Apis.Requests;

namespace QuestMesh.Orchestrator.Apis.Errors;

/// <summary>
/// What no endpoint answered itself: a body too large (413), a request the server could not read (its
/// 4xx), and anything unexpected as a 500 that names a trace id and nothing of the server's insides.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", tooLarge.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(
                StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body is larger than this endpoint accepts; send less."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", $"The server could not read the request: {bad.Message}"),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error",
                "The server could not handle this request. It has been logged under the trace id below; try again, and report the trace id if it keeps failing."),
        };
        if (problem is null)
            return true;
        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogInformation("Refused {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, exception.Message);
        if (http.Response.HasStarted)
            return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
