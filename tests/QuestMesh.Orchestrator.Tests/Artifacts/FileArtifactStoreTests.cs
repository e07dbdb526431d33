using Microsoft.Extensions.Options;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Tests.Artifacts;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("questmesh-store-").FullName;
    private readonly FileArtifactStore _store;

    public FileArtifactStoreTests() =>
        _store = new FileArtifactStore(new RunArtifactLocations(Options.Create(new OrchestratorOptions { ArtifactsRoot = _root })));

    [Fact]
    public async Task Should_write_read_append_and_list_under_the_run_folder()
    {
        var runId = Guid.NewGuid();
        await _store.WriteAsync(runId, "attempt_0.static.json", "{}");
        await _store.WriteAsync(runId, "attempt_0.static.json", "{\"syntax_ok\": true}");
        await _store.AppendLineAsync(runId, "events.log", "step=1", "a step=1");
        await _store.AppendLineAsync(runId, "events.log", "step=2", "b step=2");
        await _store.WriteAsync(runId, "final/tests/test_x.py", "def test(): pass\n");

        (await _store.ReadAsync(runId, "attempt_0.static.json")).ShouldBe("{\"syntax_ok\": true}");
        (await _store.ReadAsync(runId, "events.log")).ShouldBe("a step=1\nb step=2\n");
        (await _store.ReadAsync(runId, "missing.json")).ShouldBeNull();
        (await _store.ListAsync(runId)).ShouldBe(["attempt_0.static.json", "events.log", "final/tests/test_x.py"]);
        File.Exists(Path.Combine(_root, runId.ToString(), "final", "tests", "test_x.py")).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_keep_one_line_per_key_the_last_written_in_its_place()
    {
        var runId = Guid.NewGuid();
        await _store.AppendLineAsync(runId, "events.log", "step=1", "first try step=1");
        await _store.AppendLineAsync(runId, "events.log", "step=2", "b step=2");
        await _store.AppendLineAsync(runId, "events.log", "step=1", "retried step=1");
        await _store.AppendLineAsync(runId, "events.log", "step=2", "b step=2");

        (await _store.ReadAsync(runId, "events.log")).ShouldBe("retried step=1\nb step=2\n");
    }

    [Fact]
    public async Task Should_refuse_a_line_without_its_key() =>
        await Should.ThrowAsync<ArgumentException>(() => _store.AppendLineAsync(Guid.NewGuid(), "events.log", "step=1", "no key"));

    [Fact]
    public async Task Should_list_nothing_for_an_unknown_run() =>
        (await _store.ListAsync(Guid.NewGuid())).ShouldBeEmpty();

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("final/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("")]
    [InlineData("final//x.py")]
    public async Task Should_refuse_names_that_leave_the_run_folder(string name) =>
        await Should.ThrowAsync<ArgumentException>(() => _store.WriteAsync(Guid.NewGuid(), name, "x"));

    [Fact]
    public void Should_place_a_run_under_the_root_unless_assigned_a_folder()
    {
        var locations = new RunArtifactLocations(Options.Create(new OrchestratorOptions { ArtifactsRoot = _root }));
        var (assigned, unassigned) = (Guid.NewGuid(), Guid.NewGuid());

        locations.Assign(assigned, Path.Combine(_root, "mine")).ShouldBe(Path.Combine(_root, "mine"));

        locations.DirectoryOf(assigned).ShouldBe(Path.Combine(_root, "mine"));
        locations.Assign(unassigned, null).ShouldBe(Path.Combine(_root, unassigned.ToString()));
        locations.DirectoryOf(unassigned).ShouldBe(Path.Combine(_root, unassigned.ToString()));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
