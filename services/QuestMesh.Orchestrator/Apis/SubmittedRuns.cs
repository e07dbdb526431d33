using System.Collections.Concurrent;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// Runs this API accepted whose saga has not started yet: between the 202 and the saga's first
/// transition a client already asks for the run, and gets <c>pending</c> instead of a 404. An entry goes
/// once the saga has the run (a reader found it there, or its first step was announced). Bounded: past
/// <see cref="Capacity"/> the oldest entries go.
/// </summary>
public sealed class SubmittedRuns(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<Guid, RunRecord> _runs = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public void Add(SubmitRun run)
    {
        _runs[run.RunId] = new RunRecord
        {
            RunId = run.RunId,
            Tenant = run.Tenant,
            State = RunStatusMap.Initial,
            TargetFile = run.TargetFile,
            Source = run.Source,
            Settings = run.Settings,
            SubmittedAt = clock.GetUtcNow(),
        };
        _order.Enqueue(run.RunId);
        while (_runs.Count > Capacity && _order.TryDequeue(out var oldest))
            _runs.TryRemove(oldest, out _);
    }

    public RunRecord? Find(Guid runId, string? tenant) =>
        _runs.TryGetValue(runId, out var run) && run.Tenant == tenant ? run : null;

    /// <summary>The tenant's pending runs in the given states' statuses, newest first.</summary>
    public IReadOnlyList<RunRecord> List(string? tenant, IReadOnlyCollection<string> states) =>
        states.Count > 0 && !states.Contains(RunStatusMap.Initial)
            ? []
            : _runs.Values.Where(r => r.Tenant == tenant).OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.RunId).ToList();

    public void Started(Guid runId) => _runs.TryRemove(runId, out _);
}
