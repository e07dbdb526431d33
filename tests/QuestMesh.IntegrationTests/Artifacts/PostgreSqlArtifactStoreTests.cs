using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.Persistence.Artifacts;

namespace QuestMesh.IntegrationTests.Artifacts;

/// <summary>Artifacts in a real PostgreSQL behave as they do on disk: same names, whole writes, keyed lines.</summary>
[Collection(InfrastructureCollection.Name)]
public class PostgreSqlArtifactStoreTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private PostgreSqlArtifactStore _store = null!;

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(await infrastructure.CreateDatabaseAsync()).Options;
        var factory = new PooledDbContextFactory<OrchestratorDbContext>(options);
        await using (var db = await factory.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        _store = new PostgreSqlArtifactStore(factory, TimeProvider.System);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_written_artifact_is_read_back_and_replaced_whole()
    {
        var run = Guid.NewGuid();

        await _store.WriteAsync(run, "final/tests/test_pricing.py", "first\n");
        await _store.WriteAsync(run, "final/tests/test_pricing.py", "second\n");

        (await _store.ReadAsync(run, "final/tests/test_pricing.py")).ShouldBe("second\n");
        (await _store.ReadAsync(run, "missing.json")).ShouldBeNull();
        (await _store.ReadAsync(Guid.NewGuid(), "final/tests/test_pricing.py")).ShouldBeNull();
    }

    [Fact]
    public async Task A_keyed_line_written_again_replaces_its_line_in_place()
    {
        var run = Guid.NewGuid();

        await _store.AppendLineAsync(run, "events.log", "step=a", "1 step=a state=Generating");
        await _store.AppendLineAsync(run, "events.log", "step=b", "2 step=b state=Checking");
        await _store.AppendLineAsync(run, "events.log", "step=a", "3 step=a state=Generating again");

        (await _store.ReadAsync(run, "events.log")).ShouldBe("3 step=a state=Generating again\n2 step=b state=Checking\n");
    }

    [Fact]
    public async Task Concurrent_lines_of_one_run_are_all_kept_once()
    {
        var run = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            _store.AppendLineAsync(run, "events.log", $"step={i % 20}", $"line step={i % 20}")));

        var lines = (await _store.ReadAsync(run, "events.log"))!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(20);
        lines.ShouldBeUnique();
    }

    [Fact]
    public async Task The_list_holds_whole_and_line_artifacts_sorted_and_only_the_runs_own()
    {
        var run = Guid.NewGuid();
        await _store.WriteAsync(run, "run_summary.json", "{}");
        await _store.WriteAsync(run, "attempt_0.test_src.py", "x = 1\n");
        await _store.AppendLineAsync(run, "events.log", "k", "k");
        await _store.WriteAsync(Guid.NewGuid(), "other.json", "{}");

        (await _store.ListAsync(run)).ShouldBe(["attempt_0.test_src.py", "events.log", "run_summary.json"]);
    }

    [Theory]
    [InlineData("../other/run_summary.json")]
    [InlineData("/etc/passwd")]
    [InlineData("final//x.py")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task Names_that_could_leave_the_run_are_refused(string name)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.WriteAsync(Guid.NewGuid(), name, "x"));
    }
}
