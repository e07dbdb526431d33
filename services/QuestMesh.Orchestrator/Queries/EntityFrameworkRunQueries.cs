using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using QuestMesh.Orchestrator.Persistence;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Queries;

/// <summary>
/// Runs in PostgreSQL (distributed mode): no-tracking queries on the saga's table, filtered, ordered and
/// paged by the database (index on tenant and submission time), reading only the columns a reader needs.
/// </summary>
public sealed class EntityFrameworkRunQueries(OrchestratorDbContext db) : IRunQueries
{
    public Task<RunRecord?> FindAsync(Guid runId, string? tenant, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking()
            .Where(r => r.CorrelationId == runId && r.Tenant == tenant)
            .Select(WithSource)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<RunRecordPage> ListAsync(RunListQuery list, CancellationToken cancellationToken)
    {
        var runs = db.Runs.AsNoTracking().Where(r => r.Tenant == list.Tenant);
        if (list.States.Count > 0)
        {
            var states = list.States.ToArray();
            runs = runs.Where(r => states.Contains(r.CurrentState));
        }
        var total = await runs.CountAsync(cancellationToken);
        var page = await runs
            .OrderByDescending(r => r.SubmittedAt)
            .ThenBy(r => r.CorrelationId)
            .Skip(list.Skip)
            .Take(list.Take)
            .Select(WithoutSource)
            .ToListAsync(cancellationToken);
        return new RunRecordPage(page, total);
    }

    // Two projections, so a list never reads the source column (inline sources carry whole files).
    private static readonly Expression<Func<RunState, RunRecord>> WithSource = run => new RunRecord
    {
        RunId = run.CorrelationId,
        Tenant = run.Tenant,
        State = run.CurrentState,
        Phase = run.Status,
        TargetFile = run.TargetFile,
        Source = run.Source,
        Settings = run.Settings,
        Attempt = run.Attempt,
        Attempts = run.Attempts,
        BestAttempt = run.BestAttempt,
        BestCoverage = run.BestCoverage,
        BestMutation = run.BestMutation,
        Detail = run.StatusDetail,
        TerminationReason = run.TerminationReason,
        SubmittedAt = run.SubmittedAt,
        UpdatedAt = run.UpdatedAt,
        FinishedAt = run.FinishedAt,
    };

    private static readonly Expression<Func<RunState, RunRecord>> WithoutSource = run => new RunRecord
    {
        RunId = run.CorrelationId,
        Tenant = run.Tenant,
        State = run.CurrentState,
        Phase = run.Status,
        TargetFile = run.TargetFile,
        Settings = run.Settings,
        Attempt = run.Attempt,
        Attempts = run.Attempts,
        BestAttempt = run.BestAttempt,
        BestCoverage = run.BestCoverage,
        BestMutation = run.BestMutation,
        Detail = run.StatusDetail,
        TerminationReason = run.TerminationReason,
        SubmittedAt = run.SubmittedAt,
        UpdatedAt = run.UpdatedAt,
        FinishedAt = run.FinishedAt,
    };
}
