using System.Globalization;
using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks;

/// <summary>The generation bench's table, medians and the lines under it (why a module stays low, what fails).</summary>
internal static class GenerationReport
{
    public static void Print(List<TargetResult> results, Medians medians, BenchOptions options)
    {
        static string F(double? value, string format = "0.0") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
        Console.WriteLine();
        Console.WriteLine($"Offline search, seed {GenerationBench.Seed}, budget {F(options.BudgetSeconds, "0")} s, {Environment.ProcessorCount} cores. " +
                          "Coverage: coverage.py branch mode on the target; mutation: the runner's engine (timeouts count as killed).");
        Console.WriteLine("By hand: `python3 -m pytest` from the project folder (src/ on PYTHONPATH, a random hash seed); " +
                          "shuffled: the runner's seeded shuffled order, 3 seeds.");
        Console.WriteLine("Pynguin (shared/bench/README.md): 0.46.0, 60 s search, seed 42, its mutation score by mutmut 2.5.1, not by this engine.");
        Console.WriteLine("| target | crash | skipped | generation | tests | verified | by hand | shuffled runs passed | statements | branches | total | mutation score | Pynguin total | Pynguin score |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            var crash = r.Crash is { } why ? $"yes: {why}" : "no";
            var note = r.BudgetExhausted ? " (clock cut)" : "";
            Console.WriteLine($"| {r.Id} | {crash} | {r.Skipped.Count} | {F(r.GenerationSeconds)} s{note} | {r.Tests} | {(r.Verified ? "yes" : "no")} | " +
                $"{(r.PassesByHand ? "yes" : "no")} | {r.ShuffledPasses}/{GenerationBench.ShuffledRuns} | " +
                $"{F(r.StatementPercent)} % | {F(r.BranchPercent)} % | {F(r.Coverage)} % | {F(r.MutationScore)} % ({r.MutantsKilled} of {r.Mutants}) | " +
                $"{(r.Pynguin is { } p ? F(p.Total) + " %" : "-")} | {(r.Pynguin is { } q ? F(q.Score) + " %" : "-")} |");
        }
        Console.WriteLine($"| **median** | {medians.Crashes} crashes | {F(medians.Skipped, "0.#")} | {F(medians.GenerationSeconds)} s | {F(medians.Tests, "0.#")} | | " +
                          $"{medians.PassingByHand}/{results.Count} | {medians.PassingShuffled}/{results.Count} all 3 | | | " +
                          $"{F(medians.Coverage)} % | {F(medians.MutationScore)} % | | |");
        foreach (var r in results.Where(r => r.Crash is null && r.LowCoverageReason is not null))
            Console.WriteLine($"under 50 %: {r.Id} ({F(r.Coverage)} %): {r.LowCoverageReason}");
        foreach (var r in results.Where(r => r.MutationError is not null))
            Console.WriteLine($"no mutation score for {r.Id}: {r.MutationError}");
        foreach (var r in results.Where(r => r.ByHandFailures is not null))
            Console.WriteLine($"fails by hand: {r.Id}: {r.ByHandFailures}");
        foreach (var r in results.Where(r => r.ShuffledFailures.Count > 0))
            Console.WriteLine($"fails shuffled: {r.Id}: {string.Join(", ", r.ShuffledFailures.Take(5))}");
        foreach (var r in results.Where(r => r.Skipped.Count > 0))
            Console.WriteLine($"skipped in {r.Id}: " + string.Join("; ", r.Skipped.Select(s => $"{s.Target} at {s.Stage}: {s.ErrorType} ({s.Location})")));
        if (options.Attempts <= 1)
            return;
        Console.WriteLine();
        Console.WriteLine("Per attempt (coverage / mutation after it, search seconds, new tests):");
        foreach (var r in results.Where(r => r.Attempts.Count > 0))
            Console.WriteLine($"{r.Id}: " + string.Join(" → ", r.Attempts.Select(a => a.Stopped is { } why
                ? $"#{a.Attempt} {why} ({F(a.Seconds)} s)"
                : $"#{a.Attempt} {F(a.Coverage)} / {F(a.MutationScore)} % ({F(a.Seconds)} s, +{a.NewTests})")));
        var gains = results.Where(r => r.Attempts.Count > 1 && r.Attempts[0].Coverage is not null).Select(r =>
            (Coverage: r.Coverage - r.Attempts[0].Coverage!.Value, Mutation: r.MutationScore - (r.Attempts[0].MutationScore ?? 0))).ToList();
        Console.WriteLine($"Median gain after attempt 0: coverage {F(Median(gains.Select(g => g.Coverage)))} points, " +
                          $"mutation {F(Median(gains.Select(g => g.Mutation)))} points ({gains.Count(g => g.Coverage >= 1 || g.Mutation >= 1)} " +
                          $"of {gains.Count} modules gained a point or more)");
    }

    /// <summary>Why a module stayed under 50 %, in the harness's own terms.</summary>
    public static string LowCoverageReason(GenerationReply explored, TargetResult result, CoverageReport coverage)
    {
        var reasons = new List<string>();
        if (coverage.CoveredStatements == 0 && explored.ArcsCovered > 0)
            reasons.Add("the search reached the module but the suite's run measured none of its file: pytest imported " +
                        $"another copy of {result.Module} first{(result.MutationError is { } m ? $" ({m})" : "")}");
        if (explored.Skipped.Count > 0)
            reasons.Add($"{explored.Skipped.Count} targets skipped (first: {explored.Skipped[0].Target} at {explored.Skipped[0].Stage}: " +
                        $"{explored.Skipped[0].ErrorType} {explored.Skipped[0].Message})");
        if (explored.DroppedTests.Count > 0)
            reasons.Add($"{explored.DroppedTests.Count} tests dropped in verification");
        if (explored.BudgetExhausted)
            reasons.Add("the clock cut the search short");
        if (explored.ArcsTotal > 0)
            reasons.Add($"the search reached {explored.ArcsCovered} of {explored.ArcsTotal} arcs in {explored.Calls} calls");
        if (result.ExecuteStatus != "passed")
            reasons.Add($"the suite's run ended {result.ExecuteStatus}");
        if (MostMissed(explored.Context, coverage.MissingLines) is { Length: > 0 } where)
            reasons.Add($"most missing lines are in {where}");
        return string.Join("; ", reasons);
    }

    /// <summary>The functions (as the harness's analysis bounds them) holding most of the missing lines.</summary>
    private static string MostMissed(ModuleOutline? outline, IReadOnlyList<int> missing)
    {
        if (outline is null || missing.Count == 0)
            return "";
        var units = outline.Functions.Concat(outline.Classes.SelectMany(c => c.Methods)).ToList();
        var counts = missing.GroupBy(line => units.Where(u => u.Lineno <= line && line <= u.EndLineno)
                .OrderBy(u => u.EndLineno - u.Lineno).Select(u => u.Qualname).FirstOrDefault() ?? "module-level code")
            .Select(g => (Name: g.Key, Lines: g.Count())).OrderByDescending(g => g.Lines).ThenBy(g => g.Name, StringComparer.Ordinal);
        return string.Join(", ", counts.Take(4).Select(g => $"{g.Name} ({g.Lines})"));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return 0;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
