namespace QuestMesh.Orchestrator.Persistence.Artifacts;

/// <summary>One artifact of a run, whole (table <c>run_artifacts</c>).</summary>
public sealed class StoredArtifact
{
    public Guid RunId { get; set; }
    public string Name { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One keyed line of a line-per-event artifact such as <c>events.log</c> (table <c>run_artifact_lines</c>):
/// the artifact is its lines in <see cref="Sequence"/> order; a line written again under the same key
/// replaces the old one in place.
/// </summary>
public sealed class StoredArtifactLine
{
    public Guid RunId { get; set; }
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Line { get; set; } = "";
    public long Sequence { get; set; }
}
