namespace QuestMesh.Orchestrator.Apis.Responses;

/// <summary>A run's artifacts (DESIGN.md §4 names; the final suite under <c>final/</c>).</summary>
public sealed record ArtifactList(Guid RunId, IReadOnlyList<ArtifactEntry> Artifacts);

public sealed record ArtifactEntry(string Name, string Url);
