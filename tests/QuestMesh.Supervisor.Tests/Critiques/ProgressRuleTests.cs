using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Tests.Critiques;

public class ProgressRuleTests
{
    [Theory]
    [InlineData(60, 40, 60.9, 41.9, true, 0.9, 1.9)]
    [InlineData(60, 40, 61, 40, false, 1, 0)]
    [InlineData(60, 40, 60, 42, false, 0, 2)]
    [InlineData(60, 40, 55, 30, true, -5, -10)]
    [InlineData(60, 40, 80, 70, false, 20, 30)]
    public void Deltas_and_no_progress_follow_the_design_thresholds(
        double prevCoverage, double prevMutation, double coverage, double mutation, bool noProgress, double coverageDelta, double mutationDelta)
    {
        var previous = new AttemptFigures { Attempt = 1, Coverage = prevCoverage, MutationScore = prevMutation };

        var critique = CritiqueRulesTests.Critique(Attempts.Make(coverage: coverage, mutation: mutation, previous: previous));

        critique.NoProgress.ShouldBe(noProgress);
        critique.CoverageDelta.ShouldBe(coverageDelta, 0.001);
        critique.MutationDelta.ShouldBe(mutationDelta, 0.001);
        critique.Instructions.Any(i => i.StartsWith("No progress over attempt 1", StringComparison.Ordinal)).ShouldBe(noProgress);
    }

    [Fact]
    public void The_first_attempt_has_no_deltas()
    {
        var critique = CritiqueRulesTests.Critique(Attempts.Make(coverage: 10));

        critique.NoProgress.ShouldBeFalse();
        critique.CoverageDelta.ShouldBe(0);
    }
}
