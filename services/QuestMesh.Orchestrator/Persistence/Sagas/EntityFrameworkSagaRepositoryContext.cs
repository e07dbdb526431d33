using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace QuestMesh.Orchestrator.Persistence.Sagas;

/// <summary>One message's view of the saga table, inside the transaction the factory opened.</summary>
public sealed class EntityFrameworkSagaRepositoryContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly DbContext _db;
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly ISagaConsumeContextFactory<DbContext, TSaga> _factory;

    // Explicit constructor: a primary constructor that also feeds base(...) is CS9107.
    public EntityFrameworkSagaRepositoryContext(DbContext db, ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<DbContext, TSaga> factory)
        : base(consumeContext, db)
    {
        _db = db;
        _consumeContext = consumeContext;
        _factory = factory;
    }

    private const string InsertSavepoint = "saga_insert";

    private DbSet<TSaga> Sagas => _db.Set<TSaga>();

    /// <summary>
    /// Inserts the new instance at once (InsertOnInitial). When another message created it first (unique
    /// violation, and only that), returns null so MassTransit loads the existing row instead. The insert
    /// runs under a savepoint, so the transaction stays usable after the violation.
    /// </summary>
    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        var transaction = _db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The saga repository inserts only inside the message's transaction.");
        await transaction.CreateSavepointAsync(InsertSavepoint, CancellationToken);
        Sagas.Add(instance);
        try
        {
            await _db.SaveChangesAsync(CancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await transaction.RollbackToSavepointAsync(InsertSavepoint, CancellationToken);
            _db.Entry(instance).State = EntityState.Detached;
            return null;
        }
        return await _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await Sagas.SingleOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken);
        return instance is null
            ? null
            : await _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        Sagas.Add(context.Saga);
        await _db.SaveChangesAsync(CancellationToken);
    }

    public Task Update(SagaConsumeContext<TSaga> context) => _db.SaveChangesAsync(CancellationToken);

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        Sagas.Remove(context.Saga);
        await _db.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        _db.Entry(context.Saga).State = EntityState.Detached;
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance,
        SagaConsumeContextMode mode) where T : class =>
        _factory.CreateSagaConsumeContext(_db, consumeContext, instance, mode);
}
