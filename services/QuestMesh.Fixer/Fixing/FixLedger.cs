using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Fixing;

/// <summary>
/// Bookkeeping of one fix round, so that every failing test of the input ends up in the report exactly
/// once (repaired, removed or kept, with its category, kind and attempts), and so does every test seen
/// failing or removed along the way; and the possible bugs the code_bug failures showed.
/// </summary>
public sealed class FixLedger
{
    private readonly List<FixCase> _cases = [];
    private readonly Dictionary<string, FixAction> _removedWith = [];
    private readonly List<PossibleBug> _bugs = [];

    public FixLedger(IReadOnlyList<Failure> input, string source)
    {
        FailingBefore = input.Count;
        foreach (var failure in input)
            Open(failure, source);
    }

    public int FailingBefore { get; }
    public IReadOnlyList<FixCase> Cases => _cases;
    public IReadOnlyList<PossibleBug> PossibleBugs => _bugs;
    public int RemovedCount => _cases.Count(c => c.State == CaseState.Removed) + _removedWith.Count;

    public FixCase? Find(string test) => _cases.FirstOrDefault(c => c.TestId == test);

    /// <summary>A failing test (the input's, or one seen failing only on a re-run); a code bug is reported and goes.</summary>
    public FixCase Open(Failure failure, string source)
    {
        var @case = new FixCase(failure, source);
        _cases.Add(@case);
        if (failure.IsCodeBug)
            _bugs.Add(BugReports.From(failure));
        return @case;
    }

    /// <summary>A test whose repair held fails again after a later edit: it is looked at anew.</summary>
    public void Reopen(FixCase @case, Failure now, string source, int maxAttempts)
    {
        @case.Current = now;
        @case.BaseSource = source;
        @case.State = now.IsCodeBug || @case.Attempts.Count >= maxAttempts ? CaseState.Removing : CaseState.Open;
        if (now.IsCodeBug)
            _bugs.Add(BugReports.From(now));
    }

    /// <summary>After a repair the test got further and now shows a code bug: it goes, reported.</summary>
    public void BugShown(FixCase @case)
    {
        @case.State = CaseState.Removing;
        _bugs.Add(BugReports.From(@case.Current));
    }

    /// <summary>A passing parametrized case that went with its function when a failing case was removed.</summary>
    public void RemovedWith(TestOutcome test, string failingCase, string category) =>
        _removedWith.TryAdd(test.Id, new FixAction(test.Id, category, FixActions.Removed, $"passed, but removed with the failing case {failingCase} of the same function"));

    public FixReport Report(int round, ExecutionReport? final, string? error, int runs)
    {
        // Without a final run nothing was validated, so removals and repairs on the way are not claimed.
        var actions = _cases.Select(c => final is null ? NotValidated(c, error) : Settled(c)).ToList();
        if (final is not null)
            actions.AddRange(_removedWith.Values.Where(a => _cases.All(c => c.TestId != a.Test)));
        return new FixReport
        {
            Round = round,
            FailingBefore = FailingBefore,
            FailingAfter = final is null ? FailingBefore : ExecutionFacts.FailingCount(final),
            Actions = actions,
            Runs = runs,
        };
    }

    private static FixAction NotValidated(FixCase @case, string? error) =>
        Action(@case, FixActions.Kept, $"not validated: {error ?? "the suite was not run again"}");

    private static FixAction Settled(FixCase @case) => @case.State switch
    {
        CaseState.Repaired => Action(@case, FixActions.Repaired, string.Join("; then ", @case.Attempts
            .Where(a => a.Result is FixAttemptResults.Held or FixAttemptResults.Progressed).Select(a => a.Edit))),
        CaseState.Removed => Action(@case, FixActions.Removed, WhyRemoved(@case)),
        CaseState.Trying => Action(@case, FixActions.Kept, $"not run again after its last attempt ({@case.Attempts[^1].Edit})"),
        _ => Action(@case, FixActions.Kept, @case.Outcome ?? $"still fails: {@case.Current.Summary}"),
    };

    private static string WhyRemoved(FixCase @case)
    {
        if (@case.Current.IsCodeBug)
        {
            var where = @case.Current.TargetLine is { } line ? $" (line {line})" : "";
            return $"{@case.Current.Summary}: Python raised it inside the target{where} for a call that looks valid; removed and reported as a possible bug";
        }
        var made = @case.Attempts.LastOrDefault(a => a.Result != FixAttemptResults.Refused);
        if (made is not null)
            return $"the repair did not hold ({made.Edit}); still failing: {made.Why ?? @case.Current.Summary}";
        return $"{@case.First.Summary}; not repairable: {@case.Reason ?? RepairPlanner.Unrepairable(@case.Current)}";
    }

    private static FixAction Action(FixCase @case, string action, string detail) =>
        new(@case.TestId, @case.First.Category, action, detail)
        {
            Kind = @case.Current.IsCodeBug ? FailureKinds.CodeBug : @case.First.Kind,
            Failure = @case.First.Summary,
            Attempts = @case.Attempts,
        };
}
