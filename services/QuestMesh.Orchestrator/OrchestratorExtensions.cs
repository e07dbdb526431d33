using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Trace;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Deadlines;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.Persistence.Artifacts;
using QuestMesh.Orchestrator.Persistence.Sagas;
using QuestMesh.Orchestrator.Queries;
using QuestMesh.Orchestrator.Routing;
using QuestMesh.Orchestrator.Runs;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.Orchestrator.StateMachines.Activities;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator;

public static class OrchestratorExtensions
{
    /// <summary>
    /// The orchestrator: the run saga on the host's bus, its activities, the router policy, the artifact
    /// store and the step deadline sweeper. The embedded host and the orchestrator's own host both call it.
    /// </summary>
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<OrchestratorOptions>(OrchestratorOptions.Section);
        services.AddSingleton<IValidateOptions<OrchestratorOptions>, OrchestratorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RouterPolicy(sp.GetRequiredService<IOptions<OrchestratorOptions>>().Value.Router));

        var persistence = builder.Configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        services.AddQuestMeshOptions<PersistenceOptions>(PersistenceOptions.Section)
            .Validate(p => !p.UsesPostgreSql || !string.IsNullOrWhiteSpace(p.ConnectionString),
                "Persistence:ConnectionString is required when Persistence:Provider is PostgreSql.")
            .Validate(p => p.UsesPostgreSql || !p.ArtifactsInDatabase,
                "Persistence:Artifacts=Database needs Persistence:Provider=PostgreSql.");
        if (persistence.UsesPostgreSql)
            AddDatabase(services, persistence);

        AddArtifacts(services, persistence);
        AddRunQueries(services, persistence);
        AddSagaActivities(services);
        services.AddHostedService<StepDeadlineSweeper>();

        services.AddQuestMeshConsumers(x =>
            ConfigureRepository(x.AddSagaStateMachine<RunStateMachine, RunState, RunStateDefinition>(), persistence));
        return builder;
    }

    /// <summary>The one place that picks where run state lives: in memory (embedded mode) or PostgreSQL (<c>Persistence:Provider</c>).</summary>
    private static void ConfigureRepository(ISagaRegistrationConfigurator<RunState> saga, PersistenceOptions persistence)
    {
        if (persistence.UsesPostgreSql)
            saga.EntityFrameworkRepository<RunState, OrchestratorDbContext>();
        else
            saga.InMemoryRepository();
    }

    /// <summary>The read side of the saga: the same choice of store as <see cref="ConfigureRepository"/>.</summary>
    private static void AddRunQueries(IServiceCollection services, PersistenceOptions persistence)
    {
        if (persistence.UsesPostgreSql)
            services.AddScoped<IRunQueries, EntityFrameworkRunQueries>();
        else
            services.AddScoped<IRunQueries, InMemoryRunQueries>();
    }

    /// <summary>The orchestrator's database, migrated at start (before the bus, which is added after this).</summary>
    private static void AddDatabase(IServiceCollection services, PersistenceOptions persistence)
    {
        // One connection pool owned by the container: a host that stops closes its connections instead of
        // leaving them idle in a process-wide pool (a process that starts hosts one after another ran the
        // server out of connections).
        services.AddSingleton(_ => NpgsqlDataSource.Create(persistence.ConnectionString!));
        // The database's calls in the run's traces (the saga's loads and saves, artifact writes).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        // Scoped contexts for the saga repository, a factory for the artifact store and queries.
        services.AddDbContext<OrchestratorDbContext>((sp, db) => db.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContextFactory<OrchestratorDbContext>((sp, db) => db.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddHostedService<DatabaseMigrator>();
    }

    /// <summary>On disk (embedded mode) or in PostgreSQL (<c>Persistence:Artifacts</c>), unless the host chose a store.</summary>
    private static void AddArtifacts(IServiceCollection services, PersistenceOptions persistence)
    {
        services.TryAddSingleton<IRunArtifactLocations, RunArtifactLocations>();
        if (persistence.UsesPostgreSql && persistence.ArtifactsInDatabase)
            services.TryAddSingleton<IArtifactStore, PostgreSqlArtifactStore>();
        else
            services.TryAddSingleton<IArtifactStore, FileArtifactStore>();
        services.AddSingleton<RunArtifactWriter>();
        services.AddSingleton<RunDocuments>();
    }

    private static void AddSagaActivities(IServiceCollection services)
    {
        services.AddScoped<StepSender>();
        services.AddScoped<StartRunActivity>();
        services.AddScoped<AcceptGeneratedActivity>();
        services.AddScoped<RejectGenerationActivity>();
        services.AddScoped<AcceptAnalyzedActivity>();
        services.AddScoped<AcceptExecutedActivity>();
        services.AddScoped<AcceptCritiqueActivity>();
        services.AddScoped<AcceptFixActivity>();
        services.AddScoped<RouteAttemptActivity>();
        services.AddScoped<SendStepActivity>();
        services.AddScoped<ExpireStepActivity>();
        services.AddScoped<FinishRunActivity>();
        services.AddScoped<FailRunActivity>();
        services.AddScoped<AnnounceActivity>();
    }
}
