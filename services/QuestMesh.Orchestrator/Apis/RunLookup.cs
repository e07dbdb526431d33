using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// The runs a caller may see: the saga's (through <see cref="IRunQueries"/>) and those this API accepted
/// that the saga has not started yet (<see cref="SubmittedRuns"/>, shown as pending).
/// </summary>
public sealed class RunLookup(IRunQueries queries, SubmittedRuns submitted)
{
    /// <summary>The run named by <paramref name="runId"/> as the caller wrote it; null when it is no run id, unknown, or another tenant's.</summary>
    public async Task<RunRecord?> FindAsync(string runId, string? tenant, CancellationToken cancellationToken) =>
        Guid.TryParse(runId, out var id) ? await FindAsync(id, tenant, cancellationToken) : null;

    public async Task<RunRecord?> FindAsync(Guid runId, string? tenant, CancellationToken cancellationToken)
    {
        var run = await queries.FindAsync(runId, tenant, cancellationToken);
        if (run is null)
            return submitted.Find(runId, tenant);
        submitted.Started(runId);
        return run;
    }

    /// <summary>A page of the caller's runs, newest first: the pending ones this API holds come before the saga's.</summary>
    public async Task<RunRecordPage> ListAsync(string? tenant, IReadOnlyCollection<string> states, int skip, int take, CancellationToken cancellationToken)
    {
        var pending = new List<RunRecord>();
        foreach (var run in submitted.List(tenant, states))
        {
            if (await queries.FindAsync(run.RunId, tenant, cancellationToken) is null)
                pending.Add(run);
            else
                submitted.Started(run.RunId);
        }
        var fromPending = pending.Skip(skip).Take(take).ToList();
        var page = await queries.ListAsync(
            new RunListQuery(tenant, states, Math.Max(0, skip - pending.Count), take - fromPending.Count), cancellationToken);
        return new RunRecordPage([.. fromPending, .. page.Items], pending.Count + page.Total);
    }
}
