using System.Globalization;
using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Critiques.Rules;

namespace QuestMesh.Supervisor.Suggestions;

/// <summary>
/// Fills the suggestion prompt from what the critique already knows: figures, the rules' instructions,
/// missing lines and branches with their source, surviving mutants by function, failing tests with their
/// causes, flaky tests, possible bugs, linter findings, the module and the suite. Pure: text in, text out.
/// </summary>
public static class SuggestionPrompt
{
    /// <summary>Longest source quoted whole (module or suite); past it the text is cut, so a huge module cannot blow the budget.</summary>
    public const int MaxSourceChars = 40_000;

    private const string None = "(none)";

    public static (string System, string User) Build(SuggestionTemplates templates, AttemptFacts facts, Critique critique,
        PostReliability reliability, SupervisorOptions limits)
    {
        var input = facts.Input;
        var source = new SourceText(input.TargetCode);
        // From the reports, not the critique's lists: those are filled only while a target is missed.
        var coverage = input.Execution.Coverage;
        var survivors = input.Execution.Mutation?.Mutants.Where(m => m.Status == "survived").OrderBy(m => m.Line).ToList() ?? [];
        var values = new Dictionary<string, string>
        {
            ["attempt"] = input.Attempt.ToString(CultureInfo.InvariantCulture),
            ["module"] = facts.TargetModule,
            ["target_file"] = input.TargetFile,
            ["test_file"] = input.Suite.FileName,
            ["figures"] = Bullets(Figures(facts, critique, reliability)),
            ["instructions"] = Bullets(critique.Instructions),
            ["missing_lines"] = Listed(LineRanges.Group(coverage?.MissingLines ?? []).Select(r => Quoted(r, source)), limits.MaxListedLineRanges, "line ranges"),
            ["missing_branches"] = Listed((coverage?.MissingBranches ?? []).Select(b => CoverageRule.Branch(b, source)), limits.MaxListedBranches, "branches"),
            ["surviving_mutants"] = Mutants(survivors, limits.MaxListedMutants),
            ["failing_tests"] = Listed(facts.Failing.Select(t => $"`{t.Name}`: {FailingTestsRule.Reason(t)}"), limits.MaxListedFailures, "failing tests"),
            ["flaky_tests"] = Listed(facts.Flaky.Select(t => $"`{t.Name}`"), limits.MaxListedFailures, "flaky tests"),
            ["possible_bugs"] = Bullets(input.PossibleBugs.Select(b => b.Describe())),
            ["lint"] = Listed(Lint(input.Static), limits.MaxListedLintIssues, "findings"),
            ["target_code"] = Cut(input.TargetCode ?? "(not available)"),
            ["test_code"] = Cut(input.Suite.Source),
        };
        return (PromptText.Fill(templates.System, values).Trim() + "\n", PromptText.Fill(templates.User, values).Trim() + "\n");
    }

    private static IEnumerable<string> Figures(AttemptFacts facts, Critique critique, PostReliability reliability)
    {
        var settings = facts.Input.Settings;
        yield return $"coverage {Points(facts.Coverage)} % (target {Points(settings.TargetCoverage)} %)";
        yield return facts.MutationScore is { } score
            ? $"mutation score {Points(score)} % (target {Points(settings.TargetMutation)} %)"
            : "mutation score not measured";
        yield return $"{facts.Ran.Count} tests ran, {facts.Passed} passed, {facts.Failing.Count} failed or errored";
        if (facts.CompileMessage is { } compile)
            yield return $"the test module does not compile: {compile}";
        else if (facts.LoadFailure is { } load)
            yield return $"the test module did not load: {AttemptFacts.Named(load)}";
        if (facts.TimedOut)
            yield return "the run timed out";
        yield return $"post-execution reliability {reliability.Level}" +
                     (reliability.Reasons.Count > 0 ? ": " + string.Join("; ", reliability.Reasons) : "");
        if (facts.Input.Previous is { } previous)
            yield return $"against attempt {previous.Attempt}: coverage {Signed(critique.CoverageDelta)}, mutation score {Signed(critique.MutationDelta)} points" +
                         (critique.NoProgress ? " (no progress)" : "");
    }

    private static string Quoted((int First, int Last) range, SourceText source) =>
        source.Quote(range.First, range.Last) is { } quote ? $"{LineRanges.Format(range)}: {quote}" : LineRanges.Format(range);

    /// <summary>Grouped by the function they are in, as the mutation rule groups them: one sharper test of a function often kills several.</summary>
    private static string Mutants(IReadOnlyList<MutantResult> survivors, int max)
    {
        var lines = survivors.Take(max)
            .GroupBy(m => m.Function ?? "")
            .Select(g => $"{(g.Key.Length == 0 ? "module level" : $"in `{g.Key}`")}: " +
                         string.Join("; ", g.Select(m => $"line {m.Line} `{m.Original}` → `{m.Mutated}` ({m.Operator})")));
        return Listed(lines, int.MaxValue, "") + (survivors.Count > max ? $"\n- …and {survivors.Count - max} more surviving mutants" : "");
    }

    private static IEnumerable<string> Lint(StaticReport report) =>
        report.Linters
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .SelectMany(l => l.Value.Findings
                .OrderByDescending(f => f.Severity == "error")
                .Select(f => $"{l.Key} line {f.Line} ({f.Severity}, {f.Code}): {f.Message}"));

    private static string Listed(IEnumerable<string> items, int max, string what)
    {
        var all = items.ToList();
        var text = Bullets(all.Take(max));
        return all.Count > max ? $"{text}\n- …and {all.Count - max} more {what}" : text;
    }

    private static string Bullets(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? None : string.Join('\n', list.Select(i => "- " + i));
    }

    private static string Cut(string code)
    {
        var text = code.TrimEnd();
        return text.Length <= MaxSourceChars ? text : text[..MaxSourceChars] + "\n# … (cut: the rest is not shown)";
    }

    private static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Signed(double delta) => (delta > 0 ? "+" : "") + Points(delta);
}
