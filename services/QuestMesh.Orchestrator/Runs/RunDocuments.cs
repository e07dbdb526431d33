using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// The saga's working documents (suites, reports, critiques) as artifacts named by their content
/// (<c>state/&lt;kind&gt;-&lt;digest&gt;.json</c>). Writing the same document twice — a message handled
/// again after a concurrency conflict or a redelivery — writes the same name with the same content, so
/// retries leave nothing twice; reading checks the digest.
/// </summary>
public sealed class RunDocuments(IArtifactStore store)
{
    public const string Folder = "state/";

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
        return reference;
    }

    public async Task<T> Get<T>(Guid runId, DocumentRef reference, CancellationToken cancellationToken)
    {
        var json = await store.ReadAsync(runId, reference.Artifact, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} has lost its document {reference.Artifact}.");
        if (Digest(json) != reference.Sha256)
            throw new InvalidOperationException($"Run {runId}'s document {reference.Artifact} does not match its digest.");
        return JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidOperationException($"Run {runId}'s document {reference.Artifact} is empty.");
    }

    /// <summary>The document, or null when there is no reference.</summary>
    public async Task<T?> Find<T>(Guid runId, DocumentRef? reference, CancellationToken cancellationToken) where T : class =>
        reference is null ? null : await Get<T>(runId, reference, cancellationToken);

    private static string Digest(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
