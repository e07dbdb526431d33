namespace QuestMesh.Fixer.Repairs;

/// <summary>What one rule did for one failure: repaired or not, and in words why, for <c>fix_report.json</c>.</summary>
public sealed record RepairAttempt(bool Repaired, string Detail)
{
    public static RepairAttempt Failed(string reason) => new(false, reason);
}
