using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Harness;
using Spectre.Console;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// What a person (or a CI log) sees while a repository run goes on, and its end. Module runs may go on at once: their
/// lines are written whole, one at a time, and name their module when more than one runs.
/// </summary>
public sealed class RepositoryProgress(IAnsiConsole console) : IRepositoryProgress
{
    private readonly Lock _writing = new();
    private bool _parallel;

    public void Started(Guid runId, RepositoryRunInput input, string artifacts, string strategy)
    {
        _parallel = input.Limits.Parallel > 1;
        console.MarkupLineInterpolated($"[bold]QuestMesh[/] repository run [blue]{runId}[/]");
        console.MarkupLineInterpolated($"  repository {input.RepositoryDirectory}");
        var modules = input.Limits.MaxModules is { } max ? $"at most {max} modules" : "every module with gaps";
        console.MarkupLineInterpolated(
            $"  budget     {modules}, {input.Limits.ModuleBudgetSeconds} s per module, {input.Limits.TotalBudgetSeconds} s in all; per module: coverage ≥ {input.Settings.TargetCoverage:0.#} %, mutation ≥ {input.Settings.TargetMutation:0.#} %, at most {input.Settings.MaxAttempts} attempts");
        if (_parallel)
            console.MarkupLineInterpolated($"  parallel   {input.Limits.Parallel} module runs at once");
        console.MarkupLineInterpolated($"  strategy   {strategy}");
        console.MarkupLineInterpolated($"  artifacts  {artifacts}");
    }

    public void LeftOut(IReadOnlyList<string> skipped)
    {
        foreach (var entry in skipped)
            console.MarkupLineInterpolated($"[yellow]left out of the copy: {entry}[/]");
    }

    public void Surveyed(RepositoryContext context)
    {
        var survey = context.Survey;
        console.MarkupLineInterpolated($"  python     {(context.Prefix.Length == 0 ? "." : context.Prefix + "/")} ({survey.RootReason})");
        console.MarkupLineInterpolated($"  framework  {context.Framework}: {survey.Framework?.Rule}");
        if (survey.Framework?.Conflict is { } conflict)
            console.MarkupLineInterpolated($"  [yellow]conflict   {conflict}[/]");
        console.MarkupLineInterpolated($"  found      {survey.Modules.Count} modules, {survey.Tests.Count} test modules, {survey.Conftests.Count} conftest.py");
        foreach (var folder in survey.SkippedFolders)
            console.MarkupLineInterpolated($"  [grey]skipped    {folder.Path}/ ({folder.Reason})[/]");
    }

    public void Baseline(MeasureReply baseline)
    {
        var t = baseline.Totals;
        console.MarkupLineInterpolated(
            $"  baseline   coverage {Format.Percent(baseline.Coverage.Percent)}; existing tests: {t.Tests} ({t.Passed} passed, {t.Failed} failed, {t.Errors} errors, {t.Skipped} skipped)");
        foreach (var test in baseline.Tests.Where(x => x.Outcome is "failed" or "error"))
            console.MarkupLineInterpolated($"  [yellow]existing test fails: {test.Id}: {test.ErrorType ?? test.Outcome}[/]");
        foreach (var error in baseline.CollectionErrors)
            console.MarkupLineInterpolated($"  [yellow]existing test module does not load: {error.Id}: {error.ErrorType}[/]");
    }

    public void Dependencies(DependencyReport dependencies)
    {
        if (dependencies.Summary() is { } summary)
            console.MarkupLineInterpolated($"  deps       {summary}");
        foreach (var absent in dependencies.Environment?.Absent ?? [])
            console.MarkupLineInterpolated($"  [yellow]not installed {absent.Requirement}: {absent.Reason}[/]");
        foreach (var missing in dependencies.NotImportable)
            console.MarkupLineInterpolated($"  [yellow]does not import: {string.Join(", ", missing.Modules)}: {missing.Why}[/]");
    }

    public void Plan(IReadOnlyList<PlannedModule> planned, IReadOnlyList<SkippedModule> skipped)
    {
        console.MarkupLineInterpolated($"  gaps       {planned.Count + skipped.Count} modules with gaps; {planned.Count} get a module run, most to gain first");
        foreach (var module in skipped)
            console.MarkupLineInterpolated($"  [grey]not run    {module.Path}: {module.Reason}[/]");
    }

    public void ModuleStarted(int number, int count, PlannedModule module, TimeSpan budget)
    {
        lock (_writing)
            console.MarkupLineInterpolated(
                $"  [bold]module {number}/{count}[/] {module.Path}: {Format.Percent(module.Percent)}, {module.MissingLines} lines and {module.MissingBranches} branches missing (budget {budget.TotalSeconds:0} s)");
    }

    public void ModuleStep(PlannedModule module, RunStateChanged changed)
    {
        var figures = changed.Coverage is { } coverage ? $"  cov {Format.Percent(coverage)}" : "";
        lock (_writing)
            console.MarkupLineInterpolated($"    [grey]{Tag(module)}attempt {changed.Attempt}  {changed.State,-11} {changed.Status}{figures}[/]");
    }

    public void ModuleEnded(ModuleOutcome outcome)
    {
        var text = outcome.Status == ModuleOutcome.Completed
            ? $"{outcome.Reason}: {outcome.Best?.Passed}/{outcome.Best?.Tests} tests, {Format.Percent(outcome.Best?.Coverage ?? 0)} alone"
            : $"{outcome.Reason}{(outcome.Detail is { Length: > 0 } detail ? ": " + detail : "")}"
              + (outcome.Suite is null ? "" : $"; the best attempt before that is kept: {outcome.Best?.Passed}/{outcome.Best?.Tests} tests, {Format.Percent(outcome.Best?.Coverage ?? 0)} alone");
        var colour = outcome.Status == ModuleOutcome.Completed ? "green" : "yellow";
        lock (_writing)
        {
            console.MarkupLineInterpolated($"    [{colour}]{Tag(outcome.Module)}{text}[/] [grey]({outcome.Duration.TotalSeconds:0} s)[/]");
            foreach (var bug in outcome.PossibleBugs)
                console.MarkupLineInterpolated($"    [yellow]{Tag(outcome.Module)}{bug.Describe()}[/]");
        }
    }

    private string Tag(PlannedModule module) => _parallel ? module.Path + ": " : "";

    public void NotRun(IReadOnlyList<SkippedModule> modules)
    {
        foreach (var module in modules)
            console.MarkupLineInterpolated($"  [yellow]not run    {module.Path}: {module.Reason}[/]");
    }

    public void CombinedRound(CombinedRound round)
    {
        var t = round.Totals;
        console.MarkupLineInterpolated(
            $"  combined   run {round.Round}: coverage {Format.Percent(round.Coverage.Percent)}; {t.Tests} tests ({t.Passed} passed, {t.Failed + t.Errors} failing)");
        foreach (var drop in round.Dropped)
            console.MarkupLineInterpolated($"  [yellow]dropped    {drop.TestFile}{(drop.Test is null ? "" : "::" + drop.Test)}: {drop.Reason}[/]");
    }

    public void Finished(RepositoryReport report, string artifacts)
    {
        var generated = report.GeneratedTests;
        console.MarkupLineInterpolated(
            $"[bold]coverage {Format.Percent(report.Before)} → {Format.Percent(report.After)} ({Format.Points(report.Delta)} points)[/]; generated tests: {generated.Count} ({generated.Count(t => t.Outcome == "passed")} passing) in {report.Combined.Kept.Count} files");
        if (report.Gate.HasThresholds)
        {
            var text = report.Gate.Passed ? "gate passed: " + string.Join("; ", report.Gate.Checks) : "gate failed: " + string.Join("; ", report.Gate.Failures);
            console.MarkupLineInterpolated($"[{(report.Gate.Passed ? "green" : "red")}]{text}[/]");
        }
        var target = Path.Combine(report.Context.PythonRoot, "tests");
        console.MarkupLineInterpolated($"  tests      {Path.Combine(artifacts, GeneratedTestNames.Folder)}");
        if (report.Combined.Conftest is { } conftest)
            console.MarkupLineInterpolated($"  conftest   {conftest.Path}: {conftest.Reason}");
        console.MarkupLineInterpolated($"  use them   cp -r {Cli.ShellQuoting.Quote(Path.Combine(artifacts, GeneratedTestNames.Folder))} {Cli.ShellQuoting.Quote(target + "/")}");
        console.MarkupLineInterpolated($"  summary    {Path.Combine(artifacts, "summary.md")}");
        console.MarkupLineInterpolated($"  artifacts  {artifacts}");
    }

    public void Pushed(PushResult push, int files) =>
        console.MarkupLineInterpolated(
            $"  pushed     {files} files as commit {push.Commit[..Math.Min(12, push.Commit.Length)]} to branch {push.Branch}{(push.Remote is null ? " (no origin: the local branch only)" : $" of {push.Remote}")}");

    public void PushFailed(string reason) =>
        console.MarkupLineInterpolated($"[red]questmesh: the generated tests could not be pushed (the reports are written): {reason}[/]");
}
