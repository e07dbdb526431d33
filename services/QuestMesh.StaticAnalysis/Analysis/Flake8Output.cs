using System.Globalization;
using System.Text.RegularExpressions;
using QuestMesh.Contracts;
using QuestMesh.Python;

namespace QuestMesh.StaticAnalysis.Analysis;

/// <summary>Reads flake8's default output (<c>file:line:col: CODE message</c>) into a <see cref="LinterResult"/>.</summary>
public static partial class Flake8Output
{
    /// <summary>
    /// The codes flake8's own documentation singles out as "stop the build": syntax errors, invalid
    /// comparisons, misplaced statements and undefined names. The rest is style.
    /// </summary>
    private static readonly string[] ErrorPrefixes = ["E9", "F63", "F7", "F82"];

    private const int MaxOutputChars = 20_000;

    public static LinterResult Read(ProcessResult result, TimeSpan timeout)
    {
        if (result.TimedOut)
            return Unavailable($"flake8 did not finish within {timeout.TotalSeconds:0} s (StaticAnalysis:LinterTimeoutSeconds)", null);
        if (result.StandardError.Contains("No module named flake8", StringComparison.Ordinal))
            return Unavailable("flake8 is not installed for this interpreter (Debian: apt-get install flake8)", result.ExitCode);
        // flake8 exits 0 when clean and 1 when it found something; anything else is flake8 itself failing.
        if (result.ExitCode is not (0 or 1))
            return Unavailable($"flake8 failed with exit code {result.ExitCode}: {result.StandardError.Trim()}", result.ExitCode);

        var findings = IssueLine().Matches(result.StandardOutput).Select(m => new LintFinding
        {
            Line = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            Column = int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
            Code = m.Groups["code"].Value,
            Severity = IsError(m.Groups["code"].Value) ? "error" : "warning",
            Message = m.Groups["message"].Value.Trim(),
        }).ToList();
        var output = result.StandardOutput.Trim();
        return new LinterResult
        {
            Available = true,
            IssueCount = findings.Count,
            ErrorCount = findings.Count(f => f.Severity == "error"),
            ExitCode = result.ExitCode,
            Output = output.Length <= MaxOutputChars ? output : output[..MaxOutputChars] + "\n…",
            Findings = findings,
        };
    }

    private static bool IsError(string code) => ErrorPrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));

    public static LinterResult Unavailable(string why, int? exitCode) =>
        new() { Available = false, ExitCode = exitCode, Output = why };

    [GeneratedRegex(@"^[^\r\n]*?:(?<line>\d+):(?<column>\d+): (?<code>[A-Z]+\d+) (?<message>[^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex IssueLine();
}
