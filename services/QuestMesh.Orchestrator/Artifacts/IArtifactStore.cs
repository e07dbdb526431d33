namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>
/// A run's folder-like set of artifacts (DESIGN.md §4). Names are relative, forward-slash separated
/// (<c>attempt_0.static.json</c>, <c>final/tests/test_x.py</c>); the store decides where they live.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Creates or replaces an artifact; readers see the old or the new content, never a half-written one.</summary>
    Task WriteAsync(Guid runId, string name, string content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds one line to a line-per-event artifact (<c>events.log</c>), creating it when missing. The line
    /// contains <paramref name="key"/> (the StepId of the message that caused it): when a line with that
    /// key is already there it is replaced in place, so a message handled again (a retry after a
    /// concurrency conflict, a redelivery) leaves one line, the one of the handling that counted.
    /// </summary>
    Task AppendLineAsync(Guid runId, string name, string key, string line, CancellationToken cancellationToken = default);

    /// <summary>The artifact's content, or null when the run has no such artifact.</summary>
    Task<string?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken = default);

    /// <summary>The names of the run's artifacts, sorted.</summary>
    Task<IReadOnlyList<string>> ListAsync(Guid runId, CancellationToken cancellationToken = default);
}
