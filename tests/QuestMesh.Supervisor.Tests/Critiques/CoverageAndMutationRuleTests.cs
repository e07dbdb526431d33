using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Critiques.Rules;

namespace QuestMesh.Supervisor.Tests.Critiques;

public class CoverageAndMutationRuleTests
{
    [Theory]
    [InlineData(89.9, 90, true)]
    [InlineData(90, 90, false)]
    [InlineData(100, 90, false)]
    [InlineData(40, 30, false)]
    public void Coverage_below_the_run_target_is_low(double coverage, double target, bool low)
    {
        var attempt = Attempts.Make(coverage: coverage) with { Settings = new RunSettings { TargetCoverage = target } };

        CritiqueRulesTests.Critique(attempt).LowCoverage.ShouldBe(low);
    }

    [Fact]
    public void Missing_lines_are_grouped_and_quoted_from_the_target()
    {
        var critique = CritiqueRulesTests.Critique(Attempts.Make(coverage: 60, missingLines: [3, 8, 9]));

        critique.MissingLines.ShouldBe([3, 8, 9]);
        critique.Instructions.ShouldContain("Execute line 3 of calc.py: `return 0`.");
        critique.Instructions.ShouldContain("Execute lines 8-9 of calc.py: `if x < 0:` / `return -1`.");
    }

    [Fact]
    public void Missing_lines_without_the_target_source_are_named_by_number()
    {
        var critique = CritiqueRulesTests.Critique(Attempts.Make(coverage: 60, missingLines: [3], targetCode: null));

        critique.Instructions.ShouldContain("Execute line 3 of calc.py.");
    }

    [Theory]
    [InlineData(2, 3, "if b == 0:", "Take the branch from line 2 (`if b == 0:`) to line 3 (`return 0`): choose inputs that make the condition go that way.")]
    [InlineData(8, 10, "", "Take the branch from line 8 (`if x < 0:`) to line 10 (`return 1`): choose inputs that make the condition go that way.")]
    [InlineData(8, -7, "if x < 0:", "Take the branch from line 8 (`if x < 0:`) that leaves the function there.")]
    public void Missing_branches_are_described_with_their_source(int from, int to, string source, string expected)
    {
        var branch = new MissingBranch(from, to, source);

        CoverageRule.Branch(branch, new SourceText(Attempts.TargetCode)).ShouldBe(expected);
        CritiqueRulesTests.Critique(Attempts.Make(coverage: 60, missingBranches: [branch])).Instructions.ShouldContain(expected);
    }

    [Fact]
    public void Listing_is_capped_by_the_options()
    {
        var options = new SupervisorOptions { MaxListedLineRanges = 2 };
        var rules = new CritiqueRules(options);
        var attempt = Attempts.Make(coverage: 10, missingLines: [1, 3, 5, 7]);

        var critique = rules.Build(attempt, new PostReliability(PostReliability.Trusted, []));

        critique.Instructions.Count(i => i.StartsWith("Execute", StringComparison.Ordinal)).ShouldBe(2);
        critique.Instructions.ShouldContain("…and 2 more missing line ranges.");
    }

    [Theory]
    [InlineData(49.9, 50, true)]
    [InlineData(50, 50, false)]
    [InlineData(10, 5, false)]
    public void Mutation_below_the_run_target_is_low(double score, double target, bool low)
    {
        var attempt = Attempts.Make(mutation: score) with { Settings = new RunSettings { TargetMutation = target } };

        CritiqueRulesTests.Critique(attempt).LowMutation.ShouldBe(low);
    }

    [Fact]
    public void Surviving_mutants_are_listed_with_line_original_and_mutation()
    {
        var critique = CritiqueRulesTests.Critique(Attempts.Make(mutation: 30, mutants:
        [
            Attempts.Mutant(9, "-1", "1"),
            Attempts.Mutant(4, "a / b", "a * b"),
            Attempts.Mutant(2, "b == 0", "b != 0", "killed"),
        ]));

        critique.SurvivingMutants.Select(m => m.Line).ShouldBe([4, 9]);
        critique.Instructions.ShouldContain("Kill the mutants at module level: line 4 `a / b` → `a * b` (arith); line 9 `-1` → `1` (arith).");
        critique.Instructions.ShouldNotContain(i => i.Contains("b != 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Surviving_mutants_are_grouped_by_the_function_they_are_in()
    {
        var critique = CritiqueRulesTests.Critique(Attempts.Make(mutation: 30, mutants:
        [
            Attempts.Mutant(4, "a / b", "a * b") with { Function = "divide" },
            Attempts.Mutant(12, "total > 0", "total >= 0") with { Function = "Cart.total" },
            Attempts.Mutant(6, "b == 0", "b != 0") with { Function = "divide" },
        ]));

        critique.Instructions.ShouldContain("Kill the mutants in `divide`: line 4 `a / b` → `a * b` (arith); line 6 `b == 0` → `b != 0` (arith).");
        critique.Instructions.ShouldContain("Kill the mutant in `Cart.total`: line 12 `total > 0` → `total >= 0` (arith).");
    }

    [Fact]
    public void Unmeasured_mutation_is_not_reported_low()
    {
        CritiqueRulesTests.Critique(Attempts.Make(mutation: null)).LowMutation.ShouldBeFalse();
    }
}
