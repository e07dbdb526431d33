using System.Data;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace QuestMesh.Orchestrator.Persistence.Sagas;

/// <summary>
/// The saga repository on EF Core (MassTransit's own EF Core package is not available here; STACK.md).
/// One READ COMMITTED transaction per message, committed when the saga pipe succeeds, with whatever the
/// message wrote through <see cref="SagaMessageTransaction"/>; on an exception it rolls back, and a lost
/// optimistic race (<see cref="DbUpdateConcurrencyException"/>) is re-run by the endpoint's retry on fresh
/// state. Registered scoped: each message (and each retry) gets its own DbContext.
/// </summary>
public sealed class EntityFrameworkSagaRepositoryContextFactory<TSaga>(
    DbContext db,
    ISagaConsumeContextFactory<DbContext, TSaga> consumeContexts) :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        // EF would wrap every SaveChanges in a savepoint of its own (two more round trips); only an insert needs one.
        db.Database.AutoSavepointsEnabled = false;
        using (SagaMessageTransaction.Enter(db))
            await next.Send(new EntityFrameworkSagaRepositoryContext<TSaga, T>(db, context, consumeContexts));
        await transaction.CommitAsync(context.CancellationToken);
    }

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        var ids = await db.Set<TSaga>().AsNoTracking().Where(query.FilterExpression).Select(s => s.CorrelationId)
            .ToListAsync(context.CancellationToken);
        var repositoryContext = new EntityFrameworkSagaRepositoryContext<TSaga, T>(db, context, consumeContexts);
        using (SagaMessageTransaction.Enter(db))
            await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, ids));
        await transaction.CommitAsync(context.CancellationToken);
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EntityFrameworkSagaReadContext<TSaga>(db, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EntityFrameworkSagaReadContext<TSaga>(db, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "entity-framework-core");
}
