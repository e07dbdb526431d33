using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace QuestMesh.Orchestrator.Persistence.Sagas;

public static class EntityFrameworkSagaRepositoryExtensions
{
    /// <summary>
    /// Keeps <typeparamref name="TSaga"/> in the table <typeparamref name="TDbContext"/> maps. The DbContext
    /// must be registered (scoped) with <c>AddDbContext</c>.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> EntityFrameworkRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> saga)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        saga.Repository(r =>
        {
            r.AddScoped<DbContext>(sp => sp.GetRequiredService<TDbContext>());
            r.RegisterLoadSagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TSaga>>();
            r.RegisterQuerySagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TSaga>>();
            r.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>,
                EntityFrameworkSagaRepositoryContextFactory<TSaga>>();
        });
        return saga;
    }
}
