using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Fixing;

/// <summary>Where one failing test stands in a fix round.</summary>
public enum CaseState
{
    /// <summary>Waiting for its next attempt to be planned.</summary>
    Open,

    /// <summary>An edit was made; the next run says whether it held.</summary>
    Trying,
    Repaired,

    /// <summary>No (further) attempt: the test goes at the next step.</summary>
    Removing,
    Removed,

    /// <summary>Left in the suite: <see cref="FixCase.Outcome"/> says why.</summary>
    Kept,
}

/// <summary>
/// One failing test (or the module that did not load) through a fix round: the failure as it came and as it
/// stands, the suite that failure was seen in (the next edit is made there, then carried over), and each attempt.
/// </summary>
public sealed class FixCase(Failure first, string baseSource)
{
    private readonly List<FixAttempt> _attempts = [];

    public Failure First { get; } = first;

    /// <summary>The failure the next attempt is planned on.</summary>
    public Failure Current { get; set; } = first;

    /// <summary>The suite as it ran when <see cref="Current"/> showed: line numbers of the failure are its lines.</summary>
    public string BaseSource { get; set; } = baseSource;

    public CaseState State { get; set; } = first.IsCodeBug ? CaseState.Removing : CaseState.Open;

    /// <summary>The edit waiting for its verdict while <see cref="State"/> is <see cref="CaseState.Trying"/>.</summary>
    public PlannedEdit? Trying { get; private set; }

    /// <summary>Why no further edit was planned, in words.</summary>
    public string? Reason { get; set; }

    /// <summary>For a kept test: why, in words.</summary>
    public string? Outcome { get; set; }

    public string TestId => First.TestId;
    public IReadOnlyList<FixAttempt> Attempts => _attempts;

    /// <summary>The edits tried so far, each with the failure it was tried on.</summary>
    public IReadOnlyList<TriedEdit> Tried { get; private set; } = [];

    /// <summary>An attempt was made (<paramref name="refusal"/> null: it waits for the next run) or refused by the harness.</summary>
    public void Attempted(PlannedEdit edit, string detail, string? refusal)
    {
        Tried = [.. Tried, new TriedEdit(edit.Edit.Op, Current.Category, Current.LineInTest)];
        _attempts.Add(new FixAttempt
        {
            Number = _attempts.Count + 1, Op = edit.Edit.Op, Edit = detail,
            Result = refusal is null ? FixAttemptResults.NotValidated : FixAttemptResults.Refused, Why = refusal,
        });
        Trying = refusal is null ? edit : null;
        if (refusal is null)
            State = CaseState.Trying;
    }

    /// <summary>The run after the attempt decided it: <paramref name="result"/> is one of <see cref="FixAttemptResults"/>.</summary>
    public void Judged(string result, string? why)
    {
        _attempts[^1] = _attempts[^1] with { Result = result, Why = why };
        Trying = null;
    }
}
