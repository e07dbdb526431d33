namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// What one rule did for one failure: repaired (with the rewritten function, if any, and imports the
/// rewrite needs) or not, and in words why, for <c>fix_report.json</c>.
/// </summary>
public sealed record RepairAttempt(bool Repaired, string Detail)
{
    public string? FunctionName { get; init; }
    public string? FunctionCode { get; init; }
    public IReadOnlyList<string> Imports { get; init; } = [];

    public static RepairAttempt Failed(string reason) => new(false, reason);
}
