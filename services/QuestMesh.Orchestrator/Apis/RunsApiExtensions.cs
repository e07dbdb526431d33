using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Orchestrator.Apis.Errors;
using QuestMesh.Orchestrator.Apis.Events;
using QuestMesh.Orchestrator.Apis.Requests;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;
using Scalar.AspNetCore;

namespace QuestMesh.Orchestrator.Apis;

public static class RunsApiExtensions
{
    /// <summary>
    /// The runs API's services: its options, validation, the read side's lookup, the event streams and
    /// their bus consumer, problem details for every error, and the OpenAPI document. Call it after
    /// <see cref="OrchestratorExtensions.AddOrchestrator"/> and before <c>AddQuestMeshBus</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRunsApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<ApiOptions>(ApiOptions.Section);
        services.AddQuestMeshPython();
        services.AddSingleton<SubmitRunValidator>();
        services.AddSingleton<SubmittedRuns>();
        services.AddScoped<RunLookup>();
        services.AddSingleton<RunEventHub>();
        services.AddSingleton<RunEventStream>();
        // POST /api/runs without a target file: a whole-repository run, carried out in this process.
        builder.AddRepositoryRuns();
        services.AddSingleton<RepositoryRunWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RepositoryRunWorker>());

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "QuestMesh API";
            document.Info.Description = "Submit Python projects, follow their runs, and read the tests and reports each step leaves.";
            return Task.CompletedTask;
        }));

        // Every replica hears every run's announcements: an endpoint of its own, gone when the process is.
        var instance = NewId.NextGuid().ToString("N")[..12];
        services.AddQuestMeshConsumers(x => x.AddConsumer<RunEventsConsumer>().Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = instance;
        }));
        return builder;
    }

    /// <summary>
    /// The API: <c>/api/runs</c> and <c>/api/sources</c> (tenant from the trusted header), errors as problem
    /// details, the OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/scalar/v1</c>.
    /// </summary>
    public static WebApplication MapRunsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();

        app.MapGroup("/api/runs")
            .WithTags("Runs")
            .AddEndpointFilter(Tenancy.Filter)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .MapRuns()
            .MapRunArtifacts()
            .MapRunEvents();
        app.MapGroup(RepositoryRunsApi.Resource)
            .WithTags("Repository runs")
            .AddEndpointFilter(Tenancy.Filter)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .MapRepositoryRuns();
        app.MapGroup("/api/sources")
            .WithTags("Sources")
            .AddEndpointFilter(Tenancy.Filter)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .MapSources();
        return app;
    }
}
