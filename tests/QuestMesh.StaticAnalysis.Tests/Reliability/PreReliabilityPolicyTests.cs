using QuestMesh.Contracts;
using QuestMesh.StaticAnalysis.Reliability;

namespace QuestMesh.StaticAnalysis.Tests.Reliability;

public class PreReliabilityPolicyTests
{
    private readonly PreReliabilityPolicy _policy = new(new PreReliabilityOptions
    {
        LintIssuesForMedium = 10,
        EntropyForMedium = 0.5,
        EntropyForLow = 1.0,
    });

    private static StaticReport Clean(int tests = 3) => new()
    {
        SyntaxOk = true,
        TestCount = tests,
        Linters = new Dictionary<string, LinterResult>
        {
            ["pyflakes"] = new() { Available = true, IssueCount = 1 },
        },
    };

    [Fact]
    public void Assess_clean_search_suite_is_high()
    {
        var result = _policy.Assess(Clean(), new LlmMetadata { Strategy = "search" });

        result.Level.ShouldBe(PreReliability.High);
        result.Entropy.ShouldBeNull();
        result.LintIssues.ShouldBe(1);
        result.Rationale.ShouldContain("3 test(s)");
    }

    [Fact]
    public void Assess_syntax_error_is_low_and_names_the_error()
    {
        var report = Clean() with { SyntaxOk = false, SyntaxError = "line 4: invalid syntax" };

        var result = _policy.Assess(report, null);

        result.Level.ShouldBe(PreReliability.Low);
        result.Rationale.ShouldContain("line 4: invalid syntax");
    }

    [Fact]
    public void Assess_pyflakes_errors_are_low()
    {
        var report = Clean() with
        {
            Linters = new Dictionary<string, LinterResult>
            {
                ["pyflakes"] = new() { Available = true, IssueCount = 2, ErrorCount = 1, Output = "undefined name 'x'" },
            },
        };

        var result = _policy.Assess(report, null);

        result.Level.ShouldBe(PreReliability.Low);
        result.Rationale.ShouldContain("pyflakes");
    }

    [Fact]
    public void Assess_errors_of_an_unavailable_linter_are_ignored()
    {
        var report = Clean() with
        {
            Linters = new Dictionary<string, LinterResult>
            {
                ["pyflakes"] = new() { Available = true },
                ["flake8"] = new() { Available = false, ErrorCount = 5, IssueCount = 50, Output = "flake8 is not installed" },
            },
        };

        var result = _policy.Assess(report, null);

        result.Level.ShouldBe(PreReliability.High);
        result.LintIssues.ShouldBe(0);
    }

    [Fact]
    public void Assess_no_tests_is_medium()
    {
        _policy.Assess(Clean(tests: 0), null).Level.ShouldBe(PreReliability.Medium);
    }

    [Fact]
    public void Assess_many_lint_issues_is_medium_and_counts_the_fullest_linter_once()
    {
        var report = Clean() with
        {
            Linters = new Dictionary<string, LinterResult>
            {
                ["pyflakes"] = new() { Available = true, IssueCount = 4 },
                ["flake8"] = new() { Available = true, IssueCount = 12 },
            },
        };

        var result = _policy.Assess(report, null);

        result.Level.ShouldBe(PreReliability.Medium);
        result.LintIssues.ShouldBe(12);
    }

    [Theory]
    [InlineData(0.2, PreReliability.High)]
    [InlineData(0.5, PreReliability.Medium)]
    [InlineData(0.99, PreReliability.Medium)]
    [InlineData(1.0, PreReliability.Low)]
    [InlineData(2.5, PreReliability.Low)]
    public void Assess_entropy_caps_the_level(double entropy, string expected)
    {
        var result = _policy.Assess(Clean(), new LlmMetadata { Strategy = "llm", Entropy = entropy });

        result.Level.ShouldBe(expected);
        result.Entropy.ShouldBe(entropy);
    }

    [Fact]
    public void Assess_worst_finding_wins_and_all_are_named()
    {
        var report = Clean(tests: 0) with { SyntaxOk = true };

        var result = _policy.Assess(report, new LlmMetadata { Entropy = 1.5 });

        result.Level.ShouldBe(PreReliability.Low);
        result.Rationale.ShouldContain("no tests");
        result.Rationale.ShouldContain("entropy");
    }
}
