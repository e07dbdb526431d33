using System.Globalization;
using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Coverage below target: every missing line range and branch is named with its source text, so a
/// generator can aim at it directly instead of guessing.
/// </summary>
public sealed class CoverageRule(SupervisorOptions options) : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        var target = facts.Input.Settings.TargetCoverage;
        if (facts.Coverage >= target)
            return;
        critique.LowCoverage = true;
        var report = facts.Input.Execution.Coverage;
        if (report is null)
            return;
        critique.MissingLines = report.MissingLines;
        critique.MissingBranches = report.MissingBranches;
        if (report.MissingLines.Count == 0 && report.MissingBranches.Count == 0)
            return;

        var file = facts.Input.TargetFile;
        critique.Instruct(
            $"Coverage of {file} is {Points(facts.Coverage)} % (target {Points(target)} %): add tests whose inputs " +
            "reach the lines and branches below.");
        var source = new SourceText(facts.Input.TargetCode);
        var ranges = LineRanges.Group(report.MissingLines);
        foreach (var range in ranges.Take(options.MaxListedLineRanges))
        {
            var quote = source.Quote(range.First, range.Last);
            critique.Instruct($"Execute {LineRanges.Format(range)} of {file}{(quote is null ? "" : ": " + quote)}.");
        }
        if (ranges.Count > options.MaxListedLineRanges)
            critique.Instruct($"…and {ranges.Count - options.MaxListedLineRanges} more missing line ranges.");

        foreach (var branch in report.MissingBranches.Take(options.MaxListedBranches))
            critique.Instruct(Branch(branch, source));
        if (report.MissingBranches.Count > options.MaxListedBranches)
            critique.Instruct($"…and {report.MissingBranches.Count - options.MaxListedBranches} more missing branches.");
    }

    public static string Branch(MissingBranch branch, SourceText source)
    {
        var from = branch.Source is { Length: > 0 } text ? text.Trim() : source.Line(branch.From);
        var fromText = from is null ? "" : $" (`{from}`)";
        if (branch.To < 0)
            return $"Take the branch from line {branch.From}{fromText} that leaves the function there.";
        var to = source.Line(branch.To);
        var toText = to is null ? "" : $" (`{to}`)";
        return $"Take the branch from line {branch.From}{fromText} to line {branch.To}{toText}: choose inputs that make the condition go that way.";
    }

    public static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
