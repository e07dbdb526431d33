using QuestMesh.Contracts;
using QuestMesh.Generator.Hybrid;

namespace QuestMesh.Generator.Tests.Hybrid;

public class AcceptanceRuleTests
{
    private static ExecutionReport Report(string status, int[] covered, (int, int)[] missing, params (string Name, string Outcome)[] tests) => new()
    {
        Status = status,
        Tests = tests.Select(t => new TestOutcome { Id = t.Name, Name = t.Name, Outcome = t.Outcome, ErrorType = "AssertionError", Message = "1 != 2" }).ToList(),
        Coverage = new CoverageReport
        {
            CoveredLines = covered,
            MissingBranches = missing.Select(b => new MissingBranch(b.Item1, b.Item2, "")).ToList(),
        },
    };

    private static readonly ExecutionReport Before = Report("passed", [1, 2, 3], [(3, 5), (3, 4)], ("test_a", "passed"));

    [Fact]
    public void Judge_a_test_that_takes_a_new_branch_adds_coverage()
    {
        var verdict = AcceptanceRule.Judge(Before, Report("passed", [1, 2, 3, 5], [(3, 4)], ("test_a", "passed"), ("test_b", "passed")));

        verdict.Passed.ShouldBeTrue();
        verdict.NewLines.ShouldBe(1);
        verdict.NewBranches.ShouldBe(1);
        verdict.AddsCoverage.ShouldBeTrue();
    }

    [Fact]
    public void Judge_a_passing_test_that_reaches_nothing_new_adds_no_coverage()
    {
        var verdict = AcceptanceRule.Judge(Before, Report("passed", [1, 2, 3], [(3, 5), (3, 4)], ("test_a", "passed"), ("test_b", "passed")));

        verdict.Passed.ShouldBeTrue();
        verdict.AddsCoverage.ShouldBeFalse();
    }

    [Fact]
    public void Judge_a_failing_test_is_not_kept_even_when_it_covers_more_and_says_why()
    {
        var verdict = AcceptanceRule.Judge(Before, Report("failed", [1, 2, 3, 5], [(3, 4)], ("test_a", "passed"), ("test_b", "failed")));

        verdict.Passed.ShouldBeFalse();
        verdict.AddsCoverage.ShouldBeFalse();
        verdict.Failure.ShouldBe("test_b failed: AssertionError: 1 != 2");
    }

    [Fact]
    public void KillsSurvivor_matches_survivors_by_line_and_change()
    {
        MutantResult Mutant(int line, string mutated, string status) =>
            new() { Line = line, Operator = "comparison", Original = "x == 1", Mutated = mutated, Status = status };
        var survivors = new[] { Mutant(3, "x != 1", "survived"), Mutant(4, "x == 2", "survived") };

        var killed = AcceptanceRule.KillsSurvivor(survivors, new MutationReport
        {
            Mutants = [Mutant(3, "x != 1", "killed"), Mutant(4, "x == 2", "survived"), Mutant(9, "y", "killed")],
        });

        killed.ShouldHaveSingleItem().Line.ShouldBe(3);
    }
}
