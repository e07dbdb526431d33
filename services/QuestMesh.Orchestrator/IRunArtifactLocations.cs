namespace QuestMesh.Orchestrator;

/// <summary>
/// Where each run's artifacts go on disk (embedded mode). A host may give a run its own folder (the
/// CLI's <c>--out</c>) before it submits the run: <see cref="Contracts.SubmitRun"/> has no field for it,
/// since a folder on this machine means nothing to another service.
/// </summary>
public interface IRunArtifactLocations
{
    /// <summary>Gives the run <paramref name="directory"/> (null: the default under the artifacts root) and returns the folder in full.</summary>
    string Assign(Guid runId, string? directory);

    /// <summary>The run's folder: the one assigned, else <c>&lt;ArtifactsRoot&gt;/&lt;run_id&gt;</c>.</summary>
    string DirectoryOf(Guid runId);
}
