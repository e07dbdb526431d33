using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.Persistence.Tasks;
using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.IntegrationTests.Tasks;

/// <summary>The task API's store in a real PostgreSQL (migrated as the orchestrator migrates it), on a clock the test moves.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EntityFrameworkTaskStoreTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly Clock _clock = new();
    private PooledDbContextFactory<OrchestratorDbContext> _contexts = null!;
    private EntityFrameworkTaskStore _store = null!;

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(await infrastructure.CreateDatabaseAsync()).Options;
        _contexts = new PooledDbContextFactory<OrchestratorDbContext>(options);
        await using (var db = await _contexts.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        _store = new EntityFrameworkTaskStore(_contexts, _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_task_goes_from_pending_to_processing_to_completed_and_never_back()
    {
        var task = await _store.CreateAsync(TaskKinds.Coverage, "acme", default);
        (await _store.FindAsync(task.TaskId, "acme", default))!.Status.ShouldBe(TaskStatuses.Pending);

        _clock.Now += TimeSpan.FromSeconds(2);
        await _store.ProcessingAsync(task.TaskId, default);
        (await _store.FindAsync(task.TaskId, "acme", default))!.Status.ShouldBe(TaskStatuses.Processing);

        _clock.Now += TimeSpan.FromSeconds(3);
        await _store.CompleteAsync(task.TaskId, """{"recommended_tests":[]}""", default);
        await _store.ProcessingAsync(task.TaskId, default);
        await _store.FailAsync(task.TaskId, "a late failure", default);

        var done = (await _store.FindAsync(task.TaskId, "acme", default))!;
        done.Status.ShouldBe(TaskStatuses.Completed);
        done.ResultJson.ShouldBe("""{"recommended_tests":[]}""");
        done.Error.ShouldBeNull();
        done.Kind.ShouldBe(TaskKinds.Coverage);
        done.CreatedAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        done.UpdatedAt.ShouldBe(_clock.Now);
    }

    [Fact]
    public async Task A_failed_task_keeps_its_error_and_a_tenant_sees_only_its_own()
    {
        var mine = await _store.CreateAsync(TaskKinds.Generation, "acme", default);
        var anonymous = await _store.CreateAsync(TaskKinds.Generation, null, default);

        await _store.FailAsync(mine.TaskId, "the module cannot be imported", default);

        (await _store.FindAsync(mine.TaskId, "acme", default))!.Error.ShouldBe("the module cannot be imported");
        (await _store.FindAsync(mine.TaskId, "globex", default)).ShouldBeNull();
        (await _store.FindAsync(mine.TaskId, null, default)).ShouldBeNull();
        (await _store.FindAsync(anonymous.TaskId, null, default)).ShouldNotBeNull();
        (await _store.FindAsync(anonymous.TaskId, "acme", default)).ShouldBeNull();
        (await _store.FindAsync(Guid.NewGuid(), "acme", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_task_is_kept_24_hours_and_deleted_when_a_later_task_is_made()
    {
        var old = await _store.CreateAsync(TaskKinds.Coverage, null, default);

        _clock.Now += TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1);
        (await _store.FindAsync(old.TaskId, null, default)).ShouldNotBeNull();
        _clock.Now += TimeSpan.FromSeconds(1);
        (await _store.FindAsync(old.TaskId, null, default)).ShouldBeNull();

        var fresh = await _store.CreateAsync(TaskKinds.Coverage, null, default);
        await using var db = await _contexts.CreateDbContextAsync();
        (await db.Tasks.Select(t => t.TaskId).ToListAsync()).ShouldBe([fresh.TaskId]);
    }
}
