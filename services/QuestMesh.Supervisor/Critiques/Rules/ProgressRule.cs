using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Deltas against the previous attempt. An attempt is progress when coverage rises by at least 1.0 point
/// or the mutation score by at least 2.0 points (DESIGN.md §2; both configurable).
/// </summary>
public sealed class ProgressRule(SupervisorOptions options) : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (facts.Input.Previous is not { } previous)
            return;
        critique.CoverageDelta = Math.Round(facts.Coverage - previous.Coverage, 2);
        critique.MutationDelta = Math.Round((facts.MutationScore ?? 0.0) - previous.MutationScore, 2);
        critique.NoProgress = critique.CoverageDelta < options.ProgressCoveragePoints
            && critique.MutationDelta < options.ProgressMutationPoints;
        if (!critique.NoProgress)
            return;
        critique.Instruct(
            $"No progress over attempt {previous.Attempt} (coverage {Signed(critique.CoverageDelta)}, mutation score " +
            $"{Signed(critique.MutationDelta)} points): change approach. Do not add variants of tests that already pass; " +
            "aim new inputs at the missing branches and surviving mutants named above.");
    }

    private static string Signed(double delta)
    {
        if (Math.Abs(delta) < 0.05)
            return "+0";
        return (delta > 0 ? "+" : "") + CoverageRule.Points(delta);
    }
}
