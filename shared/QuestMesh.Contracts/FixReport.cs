namespace QuestMesh.Contracts;

/// <summary>
/// What one fix round did (seed artifact <c>fix_report.json</c>): every failing test with its category, kind,
/// attempts and outcome; every removed test with its reason.
/// </summary>
public record FixReport
{
    public int Round { get; init; }
    public int FailingBefore { get; init; }
    public int FailingAfter { get; init; }
    public IReadOnlyList<FixAction> Actions { get; init; } = [];

    /// <summary>Runs of the suite the round made to validate its repairs and removals.</summary>
    public int Runs { get; init; }
}
