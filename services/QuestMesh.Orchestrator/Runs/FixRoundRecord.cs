using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>One fix round of an attempt, as <c>fix_report.json</c> lists it (every round is kept).</summary>
public sealed record FixRoundRecord
{
    public int Round { get; init; }
    public int FailingBefore { get; init; }
    public int FailingAfter { get; init; }
    public IReadOnlyList<FixAction> Actions { get; init; } = [];

    /// <summary>Runs of the suite the round made to validate its repairs and removals.</summary>
    public int Runs { get; init; }
    public string? Error { get; init; }
    public double DurationSeconds { get; init; }
}
