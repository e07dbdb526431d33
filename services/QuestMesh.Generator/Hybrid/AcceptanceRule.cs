using QuestMesh.Contracts;

namespace QuestMesh.Generator.Hybrid;

/// <summary>
/// CoverUp's rule for a model's test: kept only when the suite with it passes and it executes a line
/// or takes a branch the suite did not, or (<see cref="KillsSurvivor"/>) fails on a mutant the suite let
/// survive. Pure.
/// </summary>
public static class AcceptanceRule
{
    public sealed record Verdict(bool Passed, int NewLines, int NewBranches, string? Failure)
    {
        public bool AddsCoverage => Passed && (NewLines > 0 || NewBranches > 0);
    }

    public static Verdict Judge(ExecutionReport before, ExecutionReport after)
    {
        if (after.Status != "passed" || after.Tests.Any(t => t.Outcome is "failed" or "error"))
            return new Verdict(false, 0, 0, FailureOf(after));
        var covered = (before.Coverage?.CoveredLines ?? []).ToHashSet();
        var newLines = (after.Coverage?.CoveredLines ?? []).Count(line => !covered.Contains(line));
        var stillMissing = (after.Coverage?.MissingBranches ?? []).Select(b => (b.From, b.To)).ToHashSet();
        var newBranches = (before.Coverage?.MissingBranches ?? []).Count(b => !stillMissing.Contains((b.From, b.To)));
        return new Verdict(true, newLines, newBranches, null);
    }

    public static string MutantKey(MutantResult mutant) => $"{mutant.Line}\u0000{mutant.Original}\u0000{mutant.Mutated}";

    public static bool IsKilled(MutantResult mutant) => mutant.Status is "killed" or "timeout";

    /// <summary>The survivors (by line and change) that <paramref name="candidate"/>'s mutation run killed.</summary>
    public static IReadOnlyList<MutantResult> KillsSurvivor(IReadOnlyCollection<MutantResult> survivors, MutationReport candidate)
    {
        var killed = candidate.Mutants.Where(IsKilled).Select(MutantKey).ToHashSet();
        return survivors.Where(s => killed.Contains(MutantKey(s))).ToList();
    }

    private static string FailureOf(ExecutionReport report)
    {
        if (report.TestError is { Length: > 0 } error)
            return $"does not run: {Shorten(error)}";
        var failed = report.Tests.FirstOrDefault(t => t.Outcome is "failed" or "error");
        return failed is null
            ? $"the suite ended with status {report.Status}"
            : $"{failed.Name} {failed.Outcome}: {failed.ErrorType}: {Shorten(failed.Message ?? "")}";
    }

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
