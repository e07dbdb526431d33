using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Mutation score below target: each surviving mutant is a change to the code no test noticed, so it is
/// named (line, original → mutated) for a test to assert against.
/// </summary>
public sealed class MutationRule(SupervisorOptions options) : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        var target = facts.Input.Settings.TargetMutation;
        var report = facts.Input.Execution.Mutation;
        if (facts.MutationScore is not { } score || report is null || score >= target)
            return;
        critique.LowMutation = true;
        var survivors = report.Mutants.Where(m => m.Status == "survived").OrderBy(m => m.Line).ToList();
        critique.SurvivingMutants = survivors;
        var uncovered = report.NoCoverage > 0 ? $" ({report.NoCoverage} more sit on lines no test runs; cover them first)" : "";
        critique.Instruct(
            $"Mutation score is {CoverageRule.Points(score)} % (target {CoverageRule.Points(target)} %): " +
            $"{report.Survived} mutants survived{uncovered}. Assert on exact return values, raised exceptions and " +
            "state changes so that each change below makes a test fail.");
        // Grouped by the function they are in (the harness names it), in source order: one test of that function
        // with sharper assertions often kills several.
        foreach (var group in survivors.Take(options.MaxListedMutants).GroupBy(m => m.Function ?? ""))
        {
            var changes = string.Join("; ", group.Select(m => $"line {m.Line} `{m.Original}` → `{m.Mutated}` ({m.Operator})"));
            critique.Instruct(group.Key.Length == 0
                ? $"Kill the mutant{(group.Count() == 1 ? "" : "s")} at module level: {changes}."
                : $"Kill the mutant{(group.Count() == 1 ? "" : "s")} in `{group.Key}`: {changes}.");
        }
        if (survivors.Count > options.MaxListedMutants)
            critique.Instruct($"…and {survivors.Count - options.MaxListedMutants} more surviving mutants.");
    }
}
