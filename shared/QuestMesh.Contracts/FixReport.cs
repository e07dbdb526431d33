namespace QuestMesh.Contracts;

/// <summary>What one fix round did (seed artifact <c>fix_report.json</c>). Every removed test is listed with its reason.</summary>
public record FixReport
{
    public int Round { get; init; }
    public int FailingBefore { get; init; }
    public int FailingAfter { get; init; }
    public IReadOnlyList<FixAction> Actions { get; init; } = [];
}
