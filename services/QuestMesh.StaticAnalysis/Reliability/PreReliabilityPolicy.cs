using QuestMesh.Contracts;

namespace QuestMesh.StaticAnalysis.Reliability;

/// <summary>
/// How far a suite can be trusted before it runs. Each finding caps the level; the worst cap wins and
/// every finding is named in the rationale.
/// </summary>
public sealed class PreReliabilityPolicy(PreReliabilityOptions options)
{
    public PreReliability Assess(StaticReport report, LlmMetadata? metadata)
    {
        var level = PreReliability.High;
        var reasons = new List<string>();
        void Cap(string cap, string reason)
        {
            reasons.Add(reason);
            if (Rank(cap) < Rank(level))
                level = cap;
        }

        var lintIssues = LintIssues(report);
        if (!report.SyntaxOk)
            Cap(PreReliability.Low, report.SyntaxError is { Length: > 0 } error ? $"syntax error: {error}" : "the suite's syntax could not be checked");

        foreach (var (name, linter) in report.Linters.Where(l => l.Value.Available && l.Value.ErrorCount > 0))
            Cap(PreReliability.Low, $"{name} found {linter.ErrorCount} error(s) that fail at import or run time (undefined names, syntax)");

        if (report.SyntaxOk && report.TestCount == 0)
            Cap(PreReliability.Medium, "the suite defines no tests");
        if (lintIssues >= options.LintIssuesForMedium)
            Cap(PreReliability.Medium, $"{lintIssues} lint issues (medium from {options.LintIssuesForMedium})");

        var entropy = metadata?.Entropy;
        if (entropy >= options.EntropyForLow)
            Cap(PreReliability.Low, $"the model was unsure: entropy {entropy:0.###} ≥ {options.EntropyForLow:0.###}");
        else if (entropy >= options.EntropyForMedium)
            Cap(PreReliability.Medium, $"the model hesitated: entropy {entropy:0.###} ≥ {options.EntropyForMedium:0.###}");

        if (reasons.Count == 0)
            reasons.Add(Clean(report, lintIssues, entropy));
        return new PreReliability(level, entropy, string.Join("; ", reasons), lintIssues);
    }

    /// <summary>flake8 runs pyflakes too, so adding the linters would count one finding twice; the fullest linter speaks.</summary>
    internal static int LintIssues(StaticReport report) =>
        report.Linters.Values.Where(l => l.Available).Select(l => l.IssueCount).DefaultIfEmpty(0).Max();

    private static string Clean(StaticReport report, int lintIssues, double? entropy) =>
        $"syntax ok, {report.TestCount} test(s), {lintIssues} lint issue(s)" +
        (entropy is { } e ? $", entropy {e:0.###}" : ", no model entropy (offline search)");

    private static int Rank(string level) => level switch
    {
        PreReliability.Low => 0,
        PreReliability.Medium => 1,
        _ => 2,
    };
}
