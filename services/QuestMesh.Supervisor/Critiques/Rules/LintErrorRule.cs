using System.Text.RegularExpressions;
using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Names pyflakes reports as undefined fail at run time, so each is named with its line. Warnings
/// (unused imports) are not worth the next generator's attention.
/// </summary>
public sealed partial class LintErrorRule(SupervisorOptions options) : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        var pyflakes = facts.Input.Static.Linters
            .FirstOrDefault(l => string.Equals(l.Key, "pyflakes", StringComparison.OrdinalIgnoreCase)).Value;
        if (pyflakes is null || pyflakes.ErrorCount <= 0 || critique.Blocked)
            return;
        var issues = Issues(pyflakes.Output).ToList();
        var listed = issues.Take(options.MaxListedLintIssues).ToList();
        var more = issues.Count > listed.Count ? $" (and {issues.Count - listed.Count} more)" : "";
        var detail = listed.Count > 0 ? ": " + string.Join("; ", listed) + more : "";
        critique.Instruct(
            $"Import or define every name the tests use; pyflakes finds {pyflakes.ErrorCount} error(s){detail}. " +
            $"Import the code under test from `{facts.TargetModule}`.");
    }

    /// <summary>Error lines of pyflakes output as "line N: message"; undefined names first.</summary>
    public static IEnumerable<string> Issues(string output)
    {
        var issues = new List<(bool Undefined, string Text)>();
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = PyflakesLine().Match(raw);
            var text = match.Success ? $"line {match.Groups["line"].Value}: {match.Groups["message"].Value.Trim()}" : raw;
            var undefined = text.Contains("undefined name", StringComparison.Ordinal);
            if (undefined || IsError(text))
                issues.Add((undefined, text));
        }
        return issues.OrderByDescending(i => i.Undefined).Select(i => i.Text);
    }

    private static bool IsError(string text) =>
        text.Contains("invalid syntax", StringComparison.Ordinal)
        || text.Contains("undefined local", StringComparison.Ordinal)
        || text.Contains("referenced before assignment", StringComparison.Ordinal)
        || text.Contains("SyntaxError", StringComparison.Ordinal);

    [GeneratedRegex(@"^.*?:(?<line>\d+)(?::\d+)?:?\s+(?<message>.+)$")]
    private static partial Regex PyflakesLine();
}
