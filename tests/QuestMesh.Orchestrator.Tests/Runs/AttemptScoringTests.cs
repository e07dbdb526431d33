using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.Tests.Runs;

public class AttemptScoringTests
{
    [Theory]
    [InlineData(80, 10, 70, 90, true)]   // coverage first
    [InlineData(80, 40, 80, 30, true)]   // then mutation
    [InlineData(80, 30, 80, 30, false)]  // a tie keeps the earlier attempt
    [InlineData(70, 90, 80, 10, false)]
    public void Should_rank_by_coverage_then_mutation(double coverage, double mutation, double bestCoverage, double bestMutation, bool better) =>
        AttemptScoring.IsBetter(Figures(coverage, mutation), Figures(bestCoverage, bestMutation)).ShouldBe(better);

    [Theory]
    [InlineData("passed", 60, "failed", 95, true)]  // a passing suite beats a failing one that covers more
    [InlineData("failed", 95, "passed", 60, false)]
    [InlineData("error", 99, "passed", 10, false)]
    public void Should_never_rank_an_attempt_whose_tests_fail_above_one_whose_tests_pass(
        string status, double coverage, string bestStatus, double bestCoverage, bool better) =>
        AttemptScoring.IsBetter(Figures(coverage, 50) with { Status = status }, Figures(bestCoverage, 50) with { Status = bestStatus }).ShouldBe(better);

    [Fact]
    public void Should_take_any_attempt_when_there_is_no_best_yet() =>
        AttemptScoring.IsBetter(Figures(0, 0), null).ShouldBeTrue();

    [Theory]
    [InlineData("passed", false)]
    [InlineData("failed", true)]
    [InlineData("error", true)]
    [InlineData("timeout", true)]
    public void Should_treat_anything_but_passed_as_failing(string status, bool failing) =>
        AttemptScoring.TestsFailing(new ExecutionReport { Status = status }).ShouldBe(failing);

    [Fact]
    public void Should_read_figures_from_an_execution_report()
    {
        var report = new ExecutionReport
        {
            Status = "failed",
            Coverage = new CoverageReport { Percent = 81.5 },
            Mutation = new MutationReport { Score = 42 },
            Tests =
            [
                new TestOutcome { Id = "a", Name = "a", Outcome = "passed" },
                new TestOutcome { Id = "b", Name = "b", Outcome = "failed" },
                new TestOutcome { Id = "c", Name = "c", Outcome = "error" },
            ],
        };

        var figures = AttemptScoring.Figures(2, report);

        figures.ShouldBe(new AttemptFigures { Attempt = 2, Coverage = 81.5, MutationScore = 42, Tests = 3, Passed = 1, Failed = 2, Status = "failed" });
    }

    private static AttemptFigures Figures(double coverage, double mutation) => new() { Coverage = coverage, MutationScore = mutation, Status = "passed" };
}
