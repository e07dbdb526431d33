using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Runs;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>The saga's state holds references to its documents (suites, reports, critiques), never the documents.</summary>
public class RunStateDocumentsTests
{
    [Fact]
    public async Task Should_keep_suites_and_reports_in_artifacts_and_only_their_references_in_the_state()
    {
        var script = new RunScript { Figures = [(50, 20), (95, 60)] };
        script.FailingAttempts.Add(0);
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();

        var run = await host.WaitForAsync(runId, m => m.Completed);

        var state = JsonSerializer.Serialize(run);
        state.ShouldNotContain("def test_attempt_");
        var best = run.BestSuite.ShouldNotBeNull();
        best.Artifact.ShouldStartWith(RunDocuments.Folder);
        var documents = host.Services.GetRequiredService<RunDocuments>();
        var completed = await host.PublishedAsync<RunCompleted>(runId);
        (await documents.Get<TestSuite>(runId, best, CancellationToken.None)).ShouldBe(completed.Suite);
        completed.Suite.ShouldNotBeNull().Source.ShouldContain("def test_attempt_");
    }

    [Fact]
    public async Task Should_write_the_same_document_once_under_one_name_however_often_it_is_put()
    {
        await using var host = await RunHarness.StartAsync(new RunScript());
        var documents = host.Services.GetRequiredService<RunDocuments>();
        var store = host.Services.GetRequiredService<IArtifactStore>();
        var runId = Guid.NewGuid();
        var suite = new TestSuite("tests/test_x.py", "def test_x():\n    assert True\n");

        var first = await documents.Put(runId, DocumentKinds.Suite, suite, CancellationToken.None);
        var again = await documents.Put(runId, DocumentKinds.Suite, suite, CancellationToken.None);

        again.ShouldBe(first);
        (await store.ListAsync(runId)).ShouldBe([first.Artifact]);
    }

    [Fact]
    public async Task Should_refuse_a_document_whose_content_no_longer_matches_its_digest()
    {
        await using var host = await RunHarness.StartAsync(new RunScript());
        var documents = host.Services.GetRequiredService<RunDocuments>();
        var runId = Guid.NewGuid();
        var reference = await documents.Put(runId, DocumentKinds.Suite, new TestSuite("t.py", "x = 1\n"), CancellationToken.None);
        await host.Services.GetRequiredService<IArtifactStore>().WriteAsync(runId, reference.Artifact, """{"fileName":"t.py","source":"x = 2\n"}""");

        // Another orchestrator (or this one after a restart) reads it from the store.
        using var elsewhere = new RunDocuments(host.Services.GetRequiredService<IArtifactStore>());
        var error = await Should.ThrowAsync<InvalidOperationException>(() => elsewhere.Get<TestSuite>(runId, reference, CancellationToken.None));

        error.Message.ShouldContain("digest");
    }

    [Fact]
    public async Task Should_read_a_document_it_wrote_or_read_lately_from_memory_and_others_from_the_store()
    {
        await using var host = await RunHarness.StartAsync(new RunScript());
        var store = new CountingStore(host.Services.GetRequiredService<IArtifactStore>());
        using var documents = new RunDocuments(store);
        var runId = Guid.NewGuid();
        var suite = new TestSuite("tests/test_x.py", "def test_x():\n    assert True\n");
        var written = await documents.Put(runId, DocumentKinds.Suite, suite, CancellationToken.None);
        using var writer = new RunDocuments(store);
        var other = await writer.Put(runId, DocumentKinds.Suite, suite with { Source = "x = 3\n" }, CancellationToken.None);

        (await documents.Get<TestSuite>(runId, written, CancellationToken.None)).ShouldBe(suite);
        store.Reads.ShouldBe(0);
        (await documents.Get<TestSuite>(runId, other, CancellationToken.None)).Source.ShouldBe("x = 3\n");
        (await documents.Get<TestSuite>(runId, other, CancellationToken.None)).Source.ShouldBe("x = 3\n");
        store.Reads.ShouldBe(1);
    }

    private sealed class CountingStore(IArtifactStore inner) : IArtifactStore
    {
        public int Reads { get; private set; }

        public Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(runId, name, content, cancellationToken);

        public Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default) =>
            inner.AppendLineAsync(runId, name, key, line, cancellationToken);

        public Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default)
        {
            Reads++;
            return inner.ReadAsync(runId, name, cancellationToken);
        }

        public Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default) => inner.ListAsync(runId, cancellationToken);
    }
}
