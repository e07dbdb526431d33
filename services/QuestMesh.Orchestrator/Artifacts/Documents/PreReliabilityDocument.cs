using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>attempt_&lt;n&gt;.pre_reliability.json</c>: level, entropy, rationale, and the lint findings behind it.</summary>
public sealed record PreReliabilityDocument(string Level, double? Entropy, string Rationale, LintSummaryDocument Lint)
{
    public static PreReliabilityDocument From(PreReliability reliability, StaticReport report) => new(
        reliability.Level,
        reliability.Entropy,
        reliability.Rationale,
        new LintSummaryDocument(
            reliability.LintIssues,
            report.Linters.Where(l => l.Value.Available).ToDictionary(l => l.Key, l => l.Value.IssueCount)));
}

public sealed record LintSummaryDocument(int IssueCount, IReadOnlyDictionary<string, int> Linters);
