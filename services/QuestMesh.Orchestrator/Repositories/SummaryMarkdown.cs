using System.Globalization;
using System.Text;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// <c>summary.md</c>: the run in GitHub-flavoured Markdown, fit for a job summary (<c>$GITHUB_STEP_SUMMARY</c>) and a
/// PR comment. Figures as everywhere else: coverage.py's total (statements and branches), one decimal.
/// </summary>
public static class SummaryMarkdown
{
    /// <summary>The first line; a CI step finds its own earlier PR comment by it.</summary>
    public const string Heading = "## QuestMesh test report";

    public static string Render(RepositoryReport report)
    {
        var text = new StringBuilder();
        var context = report.Context;
        var root = context.Prefix.Length == 0 ? "the repository root" : $"`{context.Prefix}/`";
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(Invariant($"Python root {root} ({context.Framework}), {context.Survey.Modules.Count} modules, {context.Survey.Tests.Count} existing test modules. Run `{report.RunId}`."));
        text.AppendLine();
        Figures(text, report);
        Gate(text, report.Gate);
        Modules(text, report);
        Dependencies(text, report);
        FailingExisting(text, report);
        PossibleBugs(text, report);
        Dropped(text, report);
        var conftest = report.Combined.Conftest is { } written
            ? $", and `{written.Path}` ({written.Framework}: {string.Join(", ", written.Fixtures.Select(f => $"`{f}`").DefaultIfEmpty("settings"))})"
            : "";
        text.AppendLine($"Reports: `coverage.xml` (Cobertura), `test-results.xml` (JUnit), `htmlcov/index.html`, `coverage_gaps.json`, `iteration_report.json`; generated tests in `tests/generated/` with `_manifest.json`{conftest}.");
        return text.ToString();
    }

    private static void Figures(StringBuilder text, RepositoryReport report)
    {
        var generated = report.GeneratedTests;
        var existing = report.ExistingTests;
        text.AppendLine("| | coverage | tests | passed | failed |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var baseline = report.Baseline.Totals;
        text.AppendLine(Invariant($"| before: existing tests | {Format.Percent(report.Before)} | {baseline.Tests} | {baseline.Passed} | {baseline.Failed + baseline.Errors} |"));
        text.AppendLine(Invariant($"| after: existing + generated | {Format.Percent(report.After)} | {report.Final.Totals.Tests} | {report.Final.Totals.Passed} | {report.Final.Totals.Failed + report.Final.Totals.Errors} |"));
        text.AppendLine(Invariant($"| generated tests | | {generated.Count} | {generated.Count(t => t.Outcome == "passed")} | {generated.Count(t => t.Outcome is "failed" or "error")} |"));
        text.AppendLine(Invariant($"| existing tests, run with them | | {existing.Count} | {existing.Count(t => t.Outcome == "passed")} | {existing.Count(t => t.Outcome is "failed" or "error")} |"));
        text.AppendLine();
        text.AppendLine(Invariant($"**Coverage {Format.Percent(report.Before)} → {Format.Percent(report.After)} ({Format.Points(report.Delta)} points).**"));
        text.AppendLine();
    }

    private static void Gate(StringBuilder text, GateResult gate)
    {
        if (!gate.HasThresholds)
            return;
        text.AppendLine(gate.Passed
            ? $"Gate: **passed** — {string.Join("; ", gate.Checks)}."
            : $"Gate: **failed** — {string.Join("; ", gate.Failures)}.");
        text.AppendLine();
    }

    private static void Modules(StringBuilder text, RepositoryReport report)
    {
        text.AppendLine("### Modules with gaps").AppendLine();
        text.AppendLine("| module | before | after | generated tests (passing) | module run |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        var after = report.Final.Files.ToDictionary(f => f.File, f => f.Percent, StringComparer.Ordinal);
        foreach (var outcome in report.Modules)
        {
            var module = outcome.Module;
            var file = report.Combined.Kept.FirstOrDefault(f => f.Origin.RunId == outcome.RunId);
            var tests = file is null ? null : report.TestsOf(file);
            var written = tests is null ? "0" : Invariant($"{tests.Count} ({tests.Count(t => t.Outcome == "passed")})");
            var run = outcome.Status == ModuleOutcome.Completed
                ? Invariant($"{outcome.Reason}, best attempt {outcome.Best?.Attempt}: {Format.Percent(outcome.Best?.Coverage ?? 0)} alone")
                : $"{outcome.Reason}{(outcome.Detail is { Length: > 0 } d ? ": " + Cell(d) : "")}"
                  + (outcome.Suite is null ? "" : Invariant($"; best attempt before that kept ({outcome.Best?.Attempt}: {Format.Percent(outcome.Best?.Coverage ?? 0)} alone)"));
            text.AppendLine(Invariant($"| `{module.Path}` | {Format.Percent(module.Percent)} | {Format.Percent(after.GetValueOrDefault(module.File))} | {written} | {run} |"));
        }
        foreach (var skipped in report.NotRun)
            text.AppendLine($"| `{skipped.Path}` | | | 0 | not run: {Cell(skipped.Reason)} |");
        if (report.Modules.Count == 0 && report.NotRun.Count == 0)
            text.AppendLine("| (none: every module is covered) | | | | |");
        text.AppendLine();
    }

    private static void Dependencies(StringBuilder text, RepositoryReport report)
    {
        var dependencies = report.Dependencies;
        var requirements = dependencies.Environment?.Requirements ?? [];
        if (requirements.Count == 0 && dependencies.NotImportable.Count == 0)
            return;
        text.AppendLine("### Dependencies").AppendLine();
        if (dependencies.Environment is { } environment)
        {
            var files = string.Join(", ", (dependencies.Declared?.Files ?? []).Select(f => $"`{f}`"));
            text.AppendLine($"Requirements in {files}: {Cell(dependencies.Summary() ?? "")}.");
            foreach (var absent in environment.Absent)
                text.AppendLine($"- `{absent.Requirement}`: {absent.Status} — {Cell(absent.Reason ?? "")}");
            text.AppendLine();
        }
        if (dependencies.NotImportable.Count == 0)
            return;
        text.AppendLine("Modules that cannot be imported (no module run; their coverage stays as the existing tests leave it):").AppendLine();
        foreach (var missing in dependencies.NotImportable)
            text.AppendLine($"- {string.Join(", ", missing.Modules.Select(m => $"`{Shown(report, m)}`"))}: {Cell(missing.Why)}");
        text.AppendLine();
    }

    private static string Shown(RepositoryReport report, string file) => report.Context.Prefix.Length == 0 ? file : $"{report.Context.Prefix}/{file}";

    private static void FailingExisting(StringBuilder text, RepositoryReport report)
    {
        var failing = report.Baseline.Tests.Where(t => t.Outcome is "failed" or "error").ToList();
        if (failing.Count == 0 && report.Baseline.CollectionErrors.Count == 0)
            return;
        text.AppendLine("### Existing tests that fail (not modified)").AppendLine();
        foreach (var test in failing)
            text.AppendLine($"- `{test.Id}`: {Cell(test.ErrorType ?? test.Outcome)}{(string.IsNullOrWhiteSpace(test.Message) ? "" : " — " + Cell(FirstLine(test.Message)))}");
        foreach (var error in report.Baseline.CollectionErrors)
            text.AppendLine($"- `{error.Id}` does not load: {Cell(error.ErrorType)} — {Cell(FirstLine(error.Message))}");
        text.AppendLine();
    }

    private static void PossibleBugs(StringBuilder text, RepositoryReport report)
    {
        var bugs = report.Modules.SelectMany(m => m.PossibleBugs.Select(b => (m.Module, Bug: b))).ToList();
        text.AppendLine("### Possible bugs found").AppendLine();
        if (bugs.Count == 0)
            text.AppendLine("None: no behaviour that contradicts a module's own docstring or type hints was seen.");
        foreach (var (module, bug) in bugs)
            text.AppendLine(Invariant($"- `{module.Path}`{(bug.Line is { } line ? $" line {line}" : "")}: {Cell(bug.Describe())} (found by {bug.FoundBy}; not asserted by any test)"));
        text.AppendLine();
    }

    private static void Dropped(StringBuilder text, RepositoryReport report)
    {
        if (report.Combined.Dropped.Count == 0)
            return;
        text.AppendLine("### Generated tests dropped").AppendLine();
        foreach (var drop in report.Combined.Dropped)
            text.AppendLine($"- `{drop.TestFile}{(drop.Test is null ? "" : "::" + drop.Test)}`: {Cell(drop.Reason)}");
        text.AppendLine();
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    /// <summary>One line, safe inside a table cell.</summary>
    private static string Cell(string value)
    {
        var line = string.Join(' ', value.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace("|", "\\|");
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
