using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Queries;

/// <summary>
/// A copy of one run's saga state as readers need it: figures and where it stands, not its suites or
/// reports (those are artifacts). Lists leave <see cref="Source"/> out (inline sources carry whole files).
/// </summary>
public sealed record RunRecord
{
    public Guid RunId { get; init; }
    public string? Tenant { get; init; }

    /// <summary>The saga's state (<c>Generating</c>, <c>Checking</c>, …, <c>Completed</c>).</summary>
    public string State { get; init; } = "";

    public string Status => RunStatusMap.StatusOf(State);

    /// <summary>The last step's word (<c>generated</c>, <c>executed</c>, <c>targets-met</c>, …).</summary>
    public string Phase { get; init; } = "";

    public string TargetFile { get; init; } = "";
    public SourceSpec? Source { get; init; }
    public RunSettings Settings { get; init; } = new();
    public int Attempt { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
    public int? BestAttempt { get; init; }
    public double? BestCoverage { get; init; }
    public double? BestMutation { get; init; }
    public string? Detail { get; init; }
    public string? TerminationReason { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>
    /// A snapshot of an in-memory saga instance, which the saga may be changing at this moment: lists are
    /// copied with <c>ToArray</c> (never enumerated while they change), so a reader sees a step's old or new
    /// figures, never an exception.
    /// </summary>
    public static RunRecord From(RunState run) => new()
    {
        RunId = run.CorrelationId,
        Tenant = run.Tenant,
        State = run.CurrentState,
        Phase = run.Status,
        TargetFile = run.TargetFile,
        Source = run.Source,
        Settings = run.Settings,
        Attempt = run.Attempt,
        Attempts = run.Attempts.ToArray(),
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
