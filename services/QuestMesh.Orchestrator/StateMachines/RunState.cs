using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Routing;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines;

/// <summary>
/// One run's router state (DESIGN.md §5): what was asked, where the run stands, its figures and the
/// steps it awaits. Documents (the target's source, suites, reports, critiques) stay in the run's
/// artifacts and the row holds references to them (<see cref="DocumentRef"/>), so a row stays small
/// and a transition retried after a conflict rewrites nothing but the same content.
/// </summary>
public class RunState : SagaStateMachineInstance
{
    /// <summary>The run id.</summary>
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "Initial";

    /// <summary>Optimistic concurrency token (PostgreSQL <c>xmin</c> in distributed mode).</summary>
    public uint RowVersion { get; set; }

    // What was asked.
    public string? Tenant { get; set; }
    public SourceSpec Source { get; set; } = new();
    public string TargetFile { get; set; } = "";
    public RunSettings Settings { get; set; } = new();
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    // Where the run stands.
    public int Attempt { get; set; }
    public int FixRound { get; set; }
    public List<AttemptFigures> Attempts { get; set; } = [];
    public double? PreviousCoverage { get; set; }
    public double? PreviousMutation { get; set; }
    public int? BestAttempt { get; set; }
    public double? BestCoverage { get; set; }
    public double? BestMutation { get; set; }
    public int Stagnation { get; set; }
    public RouteKind? Route { get; set; }

    // The documents the saga works with live in the run's artifacts (RunDocuments); the row holds their
    // references. The suite being checked, and the best one a finished attempt produced (with its critique).
    public DocumentRef? CurrentSuite { get; set; }
    public string? CurrentSuiteFile { get; set; }
    public DocumentRef? CurrentMetadata { get; set; }
    public DocumentRef? BestSuite { get; set; }
    public string? BestSuiteFile { get; set; }
    public DocumentRef? BestCritique { get; set; }
    public DocumentRef? LastCritique { get; set; }

    // The steps awaited: a reply counts only when its StepId is one of these.
    public Guid? GenerateStepId { get; set; }
    public Guid? StaticStepId { get; set; }
    public Guid? ExecuteStepId { get; set; }
    public Guid? CritiqueStepId { get; set; }
    public Guid? FixStepId { get; set; }
    public Guid? FinalizeStepId { get; set; }

    // The parallel pair of the current check, joined before the critique.
    public DocumentRef? PendingStatic { get; set; }
    public PreReliability? PendingPreReliability { get; set; }
    public DocumentRef? PendingExecution { get; set; }

    /// <summary>Whether the pending execution had failing tests (what the router needs of it).</summary>
    public bool PendingTestsFailing { get; set; }

    // Recovery: the sweeper re-sends the awaited step(s) once StepDeadline passes.
    public Guid? DeadlineId { get; set; }
    public DateTimeOffset? StepDeadline { get; set; }
    public DateTimeOffset? StepSentAt { get; set; }
    public int StepRetries { get; set; }

    // What it cost.
    public StepMetrics Totals { get; set; } = new();
    public StepMetrics AttemptMetrics { get; set; } = new();
    public List<FixRoundRecord> FixRounds { get; set; } = [];

    // The end: every concluded attempt whose tests all passed (its suite), and the final suite made from them
    // when it is at least as good as the best attempt's (else the best attempt's suite is the final one).
    public List<AttemptSuiteRef> PassingSuites { get; set; } = [];
    public DocumentRef? FinalSuite { get; set; }
    public AttemptFigures? FinalFigures { get; set; }
    public List<SuiteContribution> Contributions { get; set; } = [];
    public int FinalDropped { get; set; }

    /// <summary>How the final suite was made, or why the best attempt's suite stands.</summary>
    public string? FinalNote { get; set; }

    /// <summary>What the generator and the fixer found the target doing against its own contract (<c>findings.json</c>).</summary>
    public List<PossibleBug> PossibleBugs { get; set; } = [];

    // For people and for the end of the run.
    public string Status { get; set; } = "";
    public string? StatusDetail { get; set; }
    public string? TerminationReason { get; set; }

    public bool IsTerminating => TerminationReason is not null;

    public bool ChecksComplete => PendingStatic is not null && PendingExecution is not null;

    /// <summary>The current attempt's figures, once its execution report arrived.</summary>
    public AttemptFigures? CurrentFigures => Attempts.FirstOrDefault(a => a.Attempt == Attempt);

    /// <summary>Two or more attempts left passing suites: their union may beat the best one alone.</summary>
    public bool HasSuitesToUnite => PassingSuites.Count >= 2 && BestSuite is not null;

    /// <summary>The figures of the suite the run hands over: the final suite's, else the best attempt's.</summary>
    public AttemptFigures? HandedOverFigures => FinalFigures ?? BestFigures;

    public AttemptFigures? BestFigures => BestAttempt is { } best ? Attempts.FirstOrDefault(a => a.Attempt == best) : null;

    public static RunState Create(Guid runId) => new() { CorrelationId = runId };

    public void RecordStep(string step, double seconds, LlmMetadata? llm = null)
    {
        Totals.Add(step, seconds, llm);
        AttemptMetrics.Add(step, seconds, llm);
    }

    /// <summary>Adds the bugs not known yet (the same function, outcome and place found again counts once); true when any was new.</summary>
    public bool AddPossibleBugs(IEnumerable<PossibleBug> found)
    {
        var added = false;
        foreach (var bug in found)
        {
            if (PossibleBugs.Any(known => known.Function == bug.Function && known.Outcome == bug.Outcome
                    && (known.Line == bug.Line || known.Call == bug.Call)))
                continue;
            PossibleBugs.Add(bug);
            added = true;
        }
        return added;
    }

    public void UpsertFigures(AttemptFigures figures)
    {
        Attempts.RemoveAll(a => a.Attempt == figures.Attempt);
        Attempts.Add(figures);
        Attempts.Sort((a, b) => a.Attempt.CompareTo(b.Attempt));
    }

    /// <summary>Forget the previous check's results: the suite changed (new attempt or a fix).</summary>
    public void BeginCheck()
    {
        PendingStatic = null;
        PendingPreReliability = null;
        PendingExecution = null;
        PendingTestsFailing = false;
    }

    public void BeginNextAttempt()
    {
        Attempt++;
        FixRound = 0;
        Route = null;
        LastCritique = null;
        AttemptMetrics = new StepMetrics();
        FixRounds = [];
        BeginCheck();
    }

    /// <summary>An attempt is final: it becomes the one the next attempt is measured against, and maybe the best.</summary>
    public void ConcludeAttempt(AttemptFigures figures)
    {
        PreviousCoverage = figures.Coverage;
        PreviousMutation = figures.MutationScore;
        if (AttemptScoring.Passed(figures) && CurrentSuite is not null)
        {
            PassingSuites.RemoveAll(s => s.Attempt == figures.Attempt);
            PassingSuites.Add(new AttemptSuiteRef(figures.Attempt, CurrentSuite));
        }
        if (!AttemptScoring.IsBetter(figures, BestFigures))
            return;
        BestAttempt = figures.Attempt;
        BestCoverage = figures.Coverage;
        BestMutation = figures.MutationScore;
        BestSuite = CurrentSuite;
        BestSuiteFile = CurrentSuiteFile;
        BestCritique = LastCritique;
    }

    public void Terminate(string reason, string? detail = null)
    {
        TerminationReason = reason;
        StatusDetail = detail;
    }

    /// <summary>The steps still awaited, for a timeout reason: <c>execute</c>, <c>static+execute</c>, ...</summary>
    public string AwaitedSteps()
    {
        var steps = new List<string>();
        if (GenerateStepId is not null) steps.Add(Attempt == 0 ? StepNames.Generate : StepNames.Enhance);
        if (StaticStepId is not null) steps.Add(StepNames.Static);
        if (ExecuteStepId is not null) steps.Add(StepNames.Execute);
        if (CritiqueStepId is not null) steps.Add(StepNames.Critique);
        if (FixStepId is not null) steps.Add(StepNames.Fix);
        if (FinalizeStepId is not null) steps.Add(StepNames.Finalize);
        return steps.Count == 0 ? "none" : string.Join('+', steps);
    }

    public void SetDeadline(DateTimeOffset now, TimeSpan timeout)
    {
        DeadlineId = NewId.NextGuid();
        StepDeadline = now + timeout;
        StepSentAt = now;
    }

    /// <summary>The run stopped: nothing is awaited, no deadline can fire.</summary>
    public void StopWaiting(DateTimeOffset now)
    {
        GenerateStepId = StaticStepId = ExecuteStepId = CritiqueStepId = FixStepId = FinalizeStepId = null;
        DeadlineId = null;
        StepDeadline = null;
        FinishedAt = now;
    }
}
