using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Fixing;

/// <summary>
/// Bookkeeping of one fix round, so that every failing test of the input ends up in the report exactly
/// once (repaired, removed or kept, with the reason), and so does every test removed along the way.
/// </summary>
public sealed class FixLedger(IReadOnlyList<Failure> input)
{
    private readonly List<Failure> _failures = [.. input];
    private readonly Dictionary<string, RepairAttempt> _attempts = [];
    private readonly Dictionary<string, FixAction> _removed = [];
    private readonly List<string> _removalOrder = [];

    public int FailingBefore { get; } = input.Count;
    public int RemovedCount => _removed.Count;

    public bool Attempted(string test) => _attempts.ContainsKey(test);

    public bool IsRepaired(string test) => _attempts.TryGetValue(test, out var attempt) && attempt.Repaired;

    public void Planned(IReadOnlyDictionary<string, RepairAttempt> attempts)
    {
        foreach (var (test, attempt) in attempts)
            _attempts[test] = attempt;
    }

    /// <summary>A failure that showed up only on a re-run (a second import error once the first was fixed).</summary>
    public void Found(Failure failure, RepairAttempt attempt)
    {
        if (_failures.All(f => f.TestId != failure.TestId))
            _failures.Add(failure);
        _attempts[failure.TestId] = _attempts.TryGetValue(failure.TestId, out var earlier) && earlier.Repaired
            ? attempt with { Detail = $"{earlier.Detail}; then {attempt.Detail}" }
            : attempt;
    }

    /// <summary>The repaired module did not load, so the round went on with the original suite.</summary>
    public void RolledBack(string why)
    {
        foreach (var (test, attempt) in _attempts.Where(a => a.Value.Repaired).ToList())
            _attempts[test] = RepairAttempt.Failed($"repair rolled back ({attempt.Detail}) because the repaired module did not load: {why}");
    }

    public void Removed(TestOutcome test, Failure now)
    {
        var before = _failures.FirstOrDefault(f => f.TestId == test.Id);
        string detail;
        if (before is null)
            detail = $"failed after the repairs: {now.Summary}";
        else if (_attempts.TryGetValue(test.Id, out var attempt) && attempt.Repaired)
            detail = $"the repair did not hold ({attempt.Detail}); still failing: {now.Summary}";
        else
            detail = $"{before.Summary}; not repairable: {(_attempts.TryGetValue(test.Id, out var failed) ? failed.Detail : RepairPlanner.Unrepairable(before))}";
        Remove(new FixAction(test.Id, before?.Category ?? now.Category, FixActions.Removed, detail));
    }

    /// <summary>A passing parametrized case that went with its function when a failing case was removed.</summary>
    public void RemovedWith(TestOutcome test, string failingCase, string category) =>
        Remove(new FixAction(test.Id, category, FixActions.Removed, $"passed, but removed with the failing case {failingCase} of the same function"));

    public FixReport Report(int round, ExecutionReport? final, string? error)
    {
        // Without a final run nothing was validated, so removals on the way are not claimed either.
        var removals = final is null ? [] : _removed;
        var actions = _failures.Select(f => removals.TryGetValue(f.TestId, out var removed) ? removed : Settled(f, final, error)).ToList();
        actions.AddRange(_removalOrder.Where(id => removals.ContainsKey(id) && _failures.All(f => f.TestId != id)).Select(id => removals[id]));
        return new FixReport
        {
            Round = round,
            FailingBefore = FailingBefore,
            FailingAfter = final is null ? FailingBefore : ExecutionFacts.FailingCount(final),
            Actions = actions,
        };
    }

    private FixAction Settled(Failure failure, ExecutionReport? final, string? error)
    {
        var attempt = _attempts.GetValueOrDefault(failure.TestId) ?? RepairAttempt.Failed(RepairPlanner.Unrepairable(failure));
        var (action, detail) = Outcome(failure, attempt, final, error);
        return new FixAction(failure.TestId, failure.Category, action, detail);
    }

    private static (string Action, string Detail) Outcome(Failure failure, RepairAttempt attempt, ExecutionReport? final, string? error)
    {
        if (final is null)
            return (FixActions.Kept, $"not validated: {error ?? "the suite was not run again"}");
        if (failure.IsCollectionError)
        {
            if (ExecutionFacts.LoadFailed(final))
                return (FixActions.Kept, $"the module still does not load: {attempt.Detail}");
            return attempt.Repaired ? (FixActions.Repaired, attempt.Detail) : (FixActions.Kept, "the module loads when run again");
        }
        var now = final.Tests.FirstOrDefault(t => t.Id == failure.TestId);
        if (now is null)
            return (FixActions.Kept, ExecutionFacts.LoadFailed(final) ? "not run again: the module did not load" : "not run again");
        if (ExecutionFacts.IsFailing(now))
            return (FixActions.Kept, $"still fails and could not be removed: {now.Message?.Split('\n')[0]}");
        return attempt.Repaired
            ? (FixActions.Repaired, attempt.Detail)
            : (FixActions.Kept, $"passed when run again without a change (possibly flaky); {attempt.Detail}");
    }

    private void Remove(FixAction action)
    {
        if (_removed.TryAdd(action.Test, action))
            _removalOrder.Add(action.Test);
    }
}
