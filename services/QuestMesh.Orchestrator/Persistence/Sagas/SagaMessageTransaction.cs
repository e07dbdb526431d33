using Microsoft.EntityFrameworkCore;

namespace QuestMesh.Orchestrator.Persistence.Sagas;

/// <summary>
/// The DbContext, and so the transaction, in which the saga message being handled runs, for as long as
/// the saga handles it (set by <see cref="EntityFrameworkSagaRepositoryContextFactory{TSaga}"/>). Work
/// the message causes in the same database — its transition's artifacts — joins it: committed with the
/// saga row in one commit, or rolled back with it when the message loses a concurrency race and is
/// handled again. Like <c>IHttpContextAccessor</c>, it flows with the message's async calls; the saga
/// handles one message at a time per context, so nothing uses the context in parallel.
/// </summary>
public static class SagaMessageTransaction
{
    private static readonly AsyncLocal<DbContext?> Current = new();

    /// <summary>The context of the message being handled, or null outside a saga message.</summary>
    public static DbContext? Context => Current.Value;

    internal static Scope Enter(DbContext db)
    {
        var outer = Current.Value;
        Current.Value = db;
        return new Scope(outer);
    }

    internal readonly struct Scope(DbContext? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
