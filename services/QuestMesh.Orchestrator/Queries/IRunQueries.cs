namespace QuestMesh.Orchestrator.Queries;

/// <summary>
/// The read side of the run saga, for the HTTP API and dashboards: what the saga repository holds, read
/// without taking part in a transition. One implementation per repository (in memory, PostgreSQL).
/// A run is visible only to its own tenant (<c>null</c> is a tenant of its own: the runs nobody tenanted).
/// </summary>
public interface IRunQueries
{
    /// <summary>The run, or null when there is none or it belongs to another tenant.</summary>
    Task<RunRecord?> FindAsync(Guid runId, string? tenant, CancellationToken cancellationToken);

    /// <summary>The tenant's runs, newest first, optionally only those in some saga states.</summary>
    Task<RunRecordPage> ListAsync(RunListQuery query, CancellationToken cancellationToken);
}
