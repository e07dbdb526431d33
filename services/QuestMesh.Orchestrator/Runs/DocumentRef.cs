namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// Where a document the saga works with (a suite, a report, a critique) is kept: the artifact's name and
/// the SHA-256 of its content. The saga row holds these, never the documents themselves.
/// </summary>
public sealed record DocumentRef(string Artifact, string Sha256);
