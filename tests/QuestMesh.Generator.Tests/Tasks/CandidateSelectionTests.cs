using QuestMesh.Generator.Tasks;

namespace QuestMesh.Generator.Tests.Tasks;

public class CandidateSelectionTests
{
    private static JudgedCandidate Judged(string name, bool passed, params int[] lines) =>
        new(new TaskCandidate([name], "module", name, "search"), passed, passed ? null : "AssertionError", lines);

    [Fact]
    public void Choose_keeps_passing_tests_that_add_uncovered_lines_most_lines_first_and_says_why_the_others_go()
    {
        var judged = new[]
        {
            Judged("test_gold", true, 3, 5, 6),
            Judged("test_negative", false, 3, 4),
            Judged("test_regular", true, 3, 5, 7, 9),
            Judged("test_both", true, 3, 4, 6),
            Judged("test_gold_again", true, 3, 5, 6),
        };

        var choice = CandidateSelection.Choose(judged, [4, 6, 8], limit: 10);

        choice.Kept.Select(k => k.Candidate.Label).ShouldBe(["test_both"]);
        choice.Dropped.ShouldBe([
            new("test_gold", "passes, but the uncovered lines it executes are executed by a test recommended before it"),
            new("test_gold_again", "passes, but the uncovered lines it executes are executed by a test recommended before it"),
            new("test_regular", "passes, but executes none of the uncovered lines"),
            new("test_negative", "failed: AssertionError"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Choose_stops_at_the_limit_and_names_a_repaired_failure()
    {
        var repaired = new JudgedCandidate(new TaskCandidate(["test_x"], "m", "x", "llm") { Repaired = true }, false, "still wrong", []);

        var choice = CandidateSelection.Choose([Judged("test_a", true, 1), Judged("test_b", true, 2), repaired], [1, 2], limit: 1);

        choice.Kept.Select(k => k.Candidate.Label).ShouldBe(["test_a"]);
        choice.Dropped.ShouldContain(d => d.Name == "test_b" && d.Reason.Contains("MaxRecommendedTests"));
        choice.Dropped.ShouldContain(d => d.Name == "test_x" && d.Reason == "failed, and so did its one repair: still wrong");
    }
}
