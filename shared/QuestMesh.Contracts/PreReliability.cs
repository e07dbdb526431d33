namespace QuestMesh.Contracts;

/// <summary>Reliability judged before execution (seed artifact <c>pre_reliability.json</c>).</summary>
public record PreReliability(string Level, double? Entropy, string Rationale, int LintIssues)
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}
