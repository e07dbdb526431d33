using QuestMesh.Orchestrator.Runs;
using System.Globalization;
using QuestMesh.Contracts;
using QuestMesh.Standalone.Hosting;
using Spectre.Console;

namespace QuestMesh.Standalone.Cli;

/// <summary>What a person sees while a run goes on, and the progression table at its end.</summary>
public sealed class ProgressRenderer(IAnsiConsole console)
{
    public void Started(Guid runId, RunInput input, string artifacts)
    {
        console.MarkupLineInterpolated($"[bold]QuestMesh[/] run [blue]{runId}[/]");
        console.MarkupLineInterpolated($"  target   {input.TargetFile} in {input.ProjectDirectory}");
        console.MarkupLineInterpolated(
            $"  goal     coverage ≥ {input.Settings.TargetCoverage:0.#} %, mutation ≥ {input.Settings.TargetMutation:0.#} %, at most {input.Settings.MaxAttempts} attempts, strategy {input.Settings.Strategy}");
        console.MarkupLineInterpolated($"  artifacts {artifacts}");
    }

    public void Strategy(string description) => console.MarkupLineInterpolated($"  strategy {description}");

    public void Progress(RunStateChanged changed)
    {
        var figures = changed.Coverage is { } coverage
            ? $"  cov {Percent(coverage)}" + (changed.MutationScore is { } mutation ? $"  mut {Percent(mutation)}" : "")
            : "";
        var detail = string.IsNullOrEmpty(changed.Detail) ? "" : $"  {changed.Detail}";
        console.MarkupLineInterpolated($"  [grey]attempt {changed.Attempt}[/]  {changed.State,-11} {changed.Status}{figures}[grey]{detail}[/]");
    }

    public void Completed(RunCompleted completed, string artifacts, RunInput input)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("attempt").AddColumn("coverage").AddColumn("mutation").AddColumn("tests").AddColumn("status");
        foreach (var attempt in completed.Attempts)
        {
            table.AddRow(
                attempt.Attempt.ToString(CultureInfo.InvariantCulture),
                Percent(attempt.Coverage),
                Percent(attempt.MutationScore),
                $"{attempt.Passed}/{attempt.Tests}",
                Markup.Escape(attempt.Status));
        }
        console.Write(table);
        var colour = completed.TargetsMet ? "green" : "yellow";
        console.MarkupLineInterpolated(
            $"[{colour}]finished: {completed.Reason}[/] — best attempt {completed.Best.Attempt}: coverage {Percent(completed.Best.Coverage)}, mutation {Percent(completed.Best.MutationScore)}");
        if (completed.FinalNote is { } note)
            console.MarkupLineInterpolated($"  final     {note}");
        if (completed.Suite is { } suite)
        {
            var path = Path.Combine(artifacts, "final", suite.FileName);
            console.MarkupLineInterpolated($"  suite     {path}");
            var copy = $"cp {ShellQuoting.Quote(path)} {ShellQuoting.Quote(Path.Combine(input.ProjectDirectory, suite.FileName))}";
            console.MarkupLineInterpolated($"  use it    {copy}");
        }
        foreach (var bug in completed.PossibleBugs)
            console.MarkupLineInterpolated($"[yellow]{bug.Describe()}[/] [grey](line {bug.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}, found by {bug.FoundBy}; not asserted by the suite)[/]");
        if (completed.PossibleBugs.Count > 0)
            console.MarkupLineInterpolated($"  findings  {Path.Combine(artifacts, "findings.json")}");
        console.MarkupLineInterpolated($"  artifacts {artifacts}");
    }

    /// <summary>Entries of the project that no step sees (special files, links out of the project).</summary>
    public void LeftOut(IReadOnlyList<string> skipped)
    {
        foreach (var entry in skipped)
            console.MarkupLineInterpolated($"[yellow]left out of the copy: {entry}[/]");
    }

    public void Failed(RunFailed failed, string artifacts)
    {
        console.MarkupLineInterpolated($"[red]run ended without a suite: {failed.Reason}[/]");
        if (failed.Detail is { Length: > 0 } detail)
            console.MarkupLineInterpolated($"  {detail}");
        console.MarkupLineInterpolated($"  artifacts {artifacts}");
    }

    public void ArtifactsUnwritable(ArtifactWriteFailed failure, string artifacts) =>
        console.MarkupLineInterpolated($"[red]questmesh: the run stopped: its artifact {failure.Name} cannot be written to {artifacts}: {failure.Reason}[/]");

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
