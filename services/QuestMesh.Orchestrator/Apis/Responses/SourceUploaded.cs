namespace QuestMesh.Orchestrator.Apis.Responses;

/// <summary>An archive stored for runs: give <see cref="Sha256"/> as <c>source.archiveSha256</c>.</summary>
public sealed record SourceUploaded(string Sha256, long Bytes);
