using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>run_summary.json</c>: how the run ended, what it took, and its best attempt.</summary>
public sealed record RunSummaryDocument
{
    public Guid RunId { get; init; }
    public string? Tenant { get; init; }
    public required string TargetFile { get; init; }
    public required string State { get; init; }
    public string? Reason { get; init; }
    public string? Detail { get; init; }
    public bool TargetsMet { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public double TotalSeconds { get; init; }
    public IReadOnlyDictionary<string, double> DurationsSeconds { get; init; } = new Dictionary<string, double>();
    public int Iterations { get; init; }
    public decimal EstimatedCost { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public int TotalTokens { get; init; }

    /// <summary>The seed's name for the run's estimated model cost (the same figure as <see cref="EstimatedCost"/>).</summary>
    public decimal TotalLlmCost { get; init; }
    public double TotalLlmDurationSeconds { get; init; }
    public int LlmCalls { get; init; }

    /// <summary>
    /// With <c>auto</c> and a model (the hybrid): the last generation step's tests, lines, branches and
    /// mutants from the search and from the model, the model's tests kept and rejected.
    /// </summary>
    public HybridReport? StrategySplit { get; init; }

    /// <summary>The run's model cost divided by the branches only the model's kept tests cover (null without any).</summary>
    public decimal? LlmCostPerCoveredBranch { get; init; }
    public required RunSettings Settings { get; init; }
    public AttemptFigures? Best { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
    public string? FinalSuite { get; init; }

    /// <summary>The handed-over suite: <c>union</c> of the attempts (with its figures and what each attempt wrote) or <c>best-attempt</c>.</summary>
    public FinalSection? Final { get; init; }

    /// <summary>One line per possible bug in the target; the details are in <c>findings.json</c>.</summary>
    public IReadOnlyList<string> PossibleBugs { get; init; } = [];

    public static RunSummaryDocument From(RunState run, DateTimeOffset now) => new()
    {
        RunId = run.CorrelationId,
        Tenant = run.Tenant,
        TargetFile = run.TargetFile,
        State = run.CurrentState,
        Reason = run.TerminationReason,
        Detail = run.StatusDetail,
        TargetsMet = run.BestFigures is { } best && Routing.RouterPolicy.TargetsMet(best, run.Settings),
        StartedAt = run.SubmittedAt,
        FinishedAt = run.FinishedAt,
        TotalSeconds = ((run.FinishedAt ?? now) - run.SubmittedAt).TotalSeconds,
        DurationsSeconds = run.Totals.DurationsSeconds,
        Iterations = run.Attempts.Count,
        EstimatedCost = run.Totals.EstimatedCost,
        PromptTokens = run.Totals.PromptTokens,
        CompletionTokens = run.Totals.CompletionTokens,
        TotalTokens = run.Totals.TotalTokens,
        TotalLlmCost = run.Totals.EstimatedCost,
        TotalLlmDurationSeconds = run.Totals.LlmDurationSeconds,
        LlmCalls = run.Totals.LlmCalls,
        StrategySplit = run.Totals.Hybrid,
        LlmCostPerCoveredBranch = run.Totals.Hybrid is { Llm.Branches: > 0 } split
            ? Math.Round(run.Totals.EstimatedCost / split.Llm.Branches, 6)
            : null,
        Settings = run.Settings,
        Best = run.BestFigures,
        Attempts = run.Attempts,
        FinalSuite = run.BestSuiteFile is { } file ? ArtifactNames.Final(file) : null,
        PossibleBugs = run.PossibleBugs.Select(bug => bug.Describe()).ToList(),
        Final = run.BestAttempt is null ? null : new FinalSection
        {
            Source = run.FinalFigures is null ? "best-attempt" : "union",
            Figures = run.HandedOverFigures,
            Contributions = run.FinalFigures is null
                ? [new SuiteContribution(run.BestAttempt.Value, run.BestFigures?.Tests ?? 0)]
                : run.Contributions,
            DroppedTests = run.FinalDropped,
            Note = run.FinalNote,
        },
    };

    public sealed record FinalSection
    {
        public required string Source { get; init; }
        public AttemptFigures? Figures { get; init; }
        public IReadOnlyList<SuiteContribution> Contributions { get; init; } = [];
        public int DroppedTests { get; init; }
        public string? Note { get; init; }
    }
}
