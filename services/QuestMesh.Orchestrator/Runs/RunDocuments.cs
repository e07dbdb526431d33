using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// The saga's working documents (suites, reports, critiques) as artifacts named by their content
/// (<c>state/&lt;kind&gt;-&lt;digest&gt;.json</c>). Writing the same document twice — a message handled
/// again after a concurrency conflict or a redelivery — writes the same name with the same content, so
/// retries leave nothing twice; reading checks the digest. Since a name fixes the content, the documents
/// this orchestrator wrote or read lately are kept in memory (by digest, up to <see cref="RecentChars"/>)
/// and read from there: every transition reads the documents the previous one wrote.
/// </summary>
public sealed class RunDocuments(IArtifactStore store) : IDisposable
{
    public const string Folder = "state/";

    /// <summary>How much recent document text is kept, in characters (about 64 MiB).</summary>
    public const long RecentChars = 32L * 1024 * 1024;

    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = RecentChars });

    // The contracts' own (camelCase) shape, indented for people who open the artifact.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<DocumentRef> Put<T>(Guid runId, string kind, T document, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, Options);
        var digest = Digest(json);
        var reference = new DocumentRef($"{Folder}{kind}-{digest[..16]}.json", digest);
        await store.WriteAsync(runId, reference.Artifact, json, cancellationToken);
        Remember(digest, json);
        return reference;
    }

    public async Task<T> Get<T>(Guid runId, DocumentRef reference, CancellationToken cancellationToken)
    {
        if (!_recent.TryGetValue(reference.Sha256, out string? json) || json is null)
        {
            json = await store.ReadAsync(runId, reference.Artifact, cancellationToken)
                ?? throw new InvalidOperationException($"Run {runId} has lost its document {reference.Artifact}.");
            if (Digest(json) != reference.Sha256)
                throw new InvalidOperationException($"Run {runId}'s document {reference.Artifact} does not match its digest.");
            Remember(reference.Sha256, json);
        }
        return JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidOperationException($"Run {runId}'s document {reference.Artifact} is empty.");
    }

    /// <summary>The document, or null when there is no reference.</summary>
    public async Task<T?> Find<T>(Guid runId, DocumentRef? reference, CancellationToken cancellationToken) where T : class =>
        reference is null ? null : await Get<T>(runId, reference, cancellationToken);

    // A transaction that rolls back may leave a document here that the store does not hold: harmless, since
    // only a committed saga row refers to a document, and it commits with the document's write.
    private void Remember(string digest, string json) =>
        _recent.Set(digest, json, new MemoryCacheEntryOptions { Size = Math.Max(1, json.Length) });

    public void Dispose() => _recent.Dispose();

    private static string Digest(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
