using QuestMesh.Orchestrator.Tasks;

namespace QuestMesh.Orchestrator.Tests.Tasks;

public class InMemoryTaskStoreTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();

    [Fact]
    public void A_task_goes_from_pending_to_processing_to_completed()
    {
        var store = new InMemoryTaskStore(_clock);

        var task = store.Create("coverage", tenant: null);
        store.Find(task.TaskId, null)!.Status.ShouldBe(TaskStatuses.Pending);
        _clock.Now += TimeSpan.FromSeconds(1);
        store.Processing(task.TaskId);
        store.Find(task.TaskId, null)!.Status.ShouldBe(TaskStatuses.Processing);
        store.Complete(task.TaskId, """{"recommended_tests":[]}""");

        var done = store.Find(task.TaskId, null)!;
        done.Status.ShouldBe(TaskStatuses.Completed);
        done.ResultJson.ShouldBe("""{"recommended_tests":[]}""");
        done.UpdatedAt.ShouldBe(_clock.Now);
        done.CreatedAt.ShouldBe(_clock.Now - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_failed_task_keeps_its_error()
    {
        var store = new InMemoryTaskStore(_clock);
        var task = store.Create("coverage", null);

        store.Fail(task.TaskId, "the source does not parse");

        store.Find(task.TaskId, null).ShouldSatisfyAllConditions(
            t => t!.Status.ShouldBe(TaskStatuses.Failed),
            t => t!.Error.ShouldBe("the source does not parse"));
    }

    [Fact]
    public void A_task_is_kept_24_hours_and_then_gone()
    {
        var store = new InMemoryTaskStore(_clock);
        var task = store.Create("generation", null);

        _clock.Now += TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1);
        store.Find(task.TaskId, null).ShouldNotBeNull();
        _clock.Now += TimeSpan.FromSeconds(1);
        store.Find(task.TaskId, null).ShouldBeNull();
        store.Complete(task.TaskId, "{}");
        store.Find(task.TaskId, null).ShouldBeNull();
    }

    [Fact]
    public void A_tenant_sees_only_its_own_tasks()
    {
        var store = new InMemoryTaskStore(_clock);
        var task = store.Create("coverage", "acme");

        store.Find(task.TaskId, "acme").ShouldNotBeNull();
        store.Find(task.TaskId, "globex").ShouldBeNull();
        store.Find(task.TaskId, null).ShouldBeNull();
    }
}
