using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace QuestMesh.Orchestrator.Persistence.Sagas;

/// <summary>Reads saga instances outside a message (the deadline sweeper, status queries): no tracking, no transaction.</summary>
public sealed class EntityFrameworkSagaReadContext<TSaga> : BasePipeContext, LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    private readonly DbContext _db;

    public EntityFrameworkSagaReadContext(DbContext db, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _db = db;
    }

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var ids = await _db.Set<TSaga>().AsNoTracking().Where(query.FilterExpression).Select(s => s.CorrelationId)
            .ToListAsync(cancellationToken);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
    }

    // MassTransit declares a non-null result, but a missing instance is null, as in its own repositories.
    public async Task<TSaga> Load(Guid correlationId) =>
        (await _db.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken))!;
}
