using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Orchestrator.Apis.Tasks;
using QuestMesh.Orchestrator.Persistence.Tasks;
using QuestMesh.Orchestrator.Tasks;
using QuestMesh.Orchestrator.Tasks.Consumers;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.Apis;

public static class TasksApiExtensions
{
    /// <summary>
    /// The task API's services: its options and validation, the task store (PostgreSQL with
    /// <c>Persistence:Provider=PostgreSql</c>, else in memory) and the consumer of the generator's replies.
    /// Call it after <see cref="RunsApiExtensions.AddRunsApi"/> and before <c>AddQuestMeshBus</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTasksApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<TaskApiOptions>(TaskApiOptions.Section);
        services.AddQuestMeshPython();
        services.AddSingleton<TaskRequestValidator>();
        services.AddSingleton<TaskEndSignals>();
        var persistence = builder.Configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        if (persistence.UsesPostgreSql)
            services.AddSingleton<ITaskStore, EntityFrameworkTaskStore>();
        else
            services.AddSingleton<ITaskStore, InMemoryTaskStore>();
        services.AddQuestMeshConsumers(x => x.AddConsumer<TaskRepliesConsumer, TaskRepliesConsumerDefinition>());
        return builder;
    }

    /// <summary>The task API at the original system's root paths, tenant from the trusted header, errors as problem details.</summary>
    public static WebApplication MapTasksApi(this WebApplication app)
    {
        app.MapGroup("")
            .WithTags("Tasks")
            .AddEndpointFilter(Tenancy.Filter)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .MapTasks();
        return app;
    }
}
