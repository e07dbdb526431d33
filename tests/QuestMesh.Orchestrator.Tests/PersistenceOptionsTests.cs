using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.StateMachines;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Orchestrator.Tests;

public class PersistenceOptionsTests
{
    [Fact]
    public async Task Should_keep_run_state_in_memory_by_default()
    {
        await using var provider = Build([]);

        provider.GetService<OrchestratorDbContext>().ShouldBeNull();
        provider.GetServices<IHostedService>().OfType<DatabaseMigrator>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_use_the_database_and_migrate_it_at_start_when_configured()
    {
        await using var provider = Build(new()
        {
            ["Persistence:Provider"] = "PostgreSql",
            ["Persistence:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=questmesh",
        });
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<ILoadSagaRepositoryContextFactory<RunState>>().GetType().Name
            .ShouldStartWith("EntityFrameworkSagaRepositoryContextFactory");
        provider.GetServices<IHostedService>().OfType<DatabaseMigrator>().Count().ShouldBe(1);
    }

    [Theory]
    [InlineData("PostgreSql", null, "Persistence:ConnectionString is required")]
    [InlineData("Sqlite", "x", "Persistence:Provider must be InMemory or PostgreSql")]
    public async Task Should_refuse_a_bad_setting_at_start(string provider, string? connectionString, string message)
    {
        await using var services = Build(new() { ["Persistence:Provider"] = provider, ["Persistence:ConnectionString"] = connectionString });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<PersistenceOptions>>().Value)
            .Message.ShouldContain(message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddOrchestrator();
        builder.AddQuestMeshBus();
        return builder.Services.BuildServiceProvider();
    }
}
