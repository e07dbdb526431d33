namespace QuestMesh.Orchestrator.Runs;

/// <summary>An artifact of the run could not be written; the run cannot go on (told to <see cref="RunWatcher"/>).</summary>
public sealed record ArtifactWriteFailed(string Name, string Reason);
