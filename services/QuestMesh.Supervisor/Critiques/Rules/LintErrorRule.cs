using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Names pyflakes reports as undefined fail at run time, so each is named with its line. Warnings
/// (unused imports) are not worth the next generator's attention.
/// </summary>
public sealed class LintErrorRule(SupervisorOptions options) : ICritiqueRule
{
    private const string UndefinedName = "UndefinedName";

    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        var pyflakes = facts.Input.Static.Linters
            .FirstOrDefault(l => string.Equals(l.Key, "pyflakes", StringComparison.OrdinalIgnoreCase)).Value;
        if (pyflakes is null || pyflakes.ErrorCount <= 0 || critique.Blocked)
            return;
        var issues = Issues(pyflakes.Findings).ToList();
        var listed = issues.Take(options.MaxListedLintIssues).ToList();
        var more = issues.Count > listed.Count ? $" (and {issues.Count - listed.Count} more)" : "";
        var detail = listed.Count > 0 ? ": " + string.Join("; ", listed) + more : "";
        critique.Instruct(
            $"Import or define every name the tests use; pyflakes finds {pyflakes.ErrorCount} error(s){detail}. " +
            $"Import the code under test from `{facts.TargetModule}`.");
    }

    /// <summary>The error findings as "line N: message", undefined names first.</summary>
    public static IEnumerable<string> Issues(IReadOnlyList<LintFinding> findings) =>
        findings
            .Where(f => f.Severity == "error")
            .OrderByDescending(f => f.Code == UndefinedName)
            .Select(f => $"line {f.Line}: {f.Message}");
}
