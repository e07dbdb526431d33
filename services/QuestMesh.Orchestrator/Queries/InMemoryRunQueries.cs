using System.Linq.Expressions;
using MassTransit;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Queries;

/// <summary>
/// Runs in the in-memory saga repository (one process), read through MassTransit's query and load
/// repositories: the filter runs over the instances, the page is cut here.
/// </summary>
public sealed class InMemoryRunQueries(IQuerySagaRepository<RunState> query, ILoadSagaRepository<RunState> load) : IRunQueries
{
    public async Task<RunRecord?> FindAsync(Guid runId, string? tenant, CancellationToken cancellationToken)
    {
        var run = await load.Load(runId);
        return run is not null && run.Tenant == tenant ? RunRecord.From(run) : null;
    }

    public async Task<RunRecordPage> ListAsync(RunListQuery list, CancellationToken cancellationToken)
    {
        var ids = await query.Find(new RunsOfTenant(list.Tenant, list.States));
        var runs = new List<RunRecord>();
        foreach (var id in ids)
        {
            if (await load.Load(id) is { } run && run.Tenant == list.Tenant)
                runs.Add(RunRecord.From(run) with { Source = null });
        }
        var page = runs
            .OrderByDescending(r => r.SubmittedAt)
            .ThenBy(r => r.RunId)
            .Skip(list.Skip)
            .Take(list.Take)
            .ToList();
        return new RunRecordPage(page, runs.Count);
    }

    private sealed class RunsOfTenant(string? tenant, IReadOnlyCollection<string> states) : ISagaQuery<RunState>
    {
        public Expression<Func<RunState, bool>> FilterExpression { get; } =
            run => run.Tenant == tenant && (states.Count == 0 || states.Contains(run.CurrentState));

        public Func<RunState, bool> GetFilter() => FilterExpression.Compile();
    }
}
