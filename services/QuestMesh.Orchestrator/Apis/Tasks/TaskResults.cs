using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>
/// A coverage task's <c>result</c>: the original's <c>recommended_tests</c> (test_code, target_line,
/// scenario_description, expected_coverage_impact), each also with what its run really covered and that it
/// passed, and the tests dropped with the reason.
/// </summary>
public sealed record CoverageResult(
    IReadOnlyList<RecommendedTestResult> RecommendedTests,
    IReadOnlyList<DroppedTest> DroppedTests,
    string Strategy,
    string? LlmFailure,
    int LlmCalls,
    decimal EstimatedCost,
    double DurationSeconds)
{
    public static CoverageResult From(TestsRecommended reply) => new(
        reply.RecommendedTests.Select(RecommendedTestResult.From).ToList(),
        reply.Dropped.Select(d => new DroppedTest(d.Name, d.Reason)).ToList(),
        reply.Strategy, reply.LlmFailure, reply.LlmCalls, reply.EstimatedCost, Math.Round(reply.DurationSeconds, 3));
}

public sealed record RecommendedTestResult(
    string TestCode,
    int TargetLine,
    string ScenarioDescription,
    string ExpectedCoverageImpact,
    IReadOnlyList<string> TestNames,
    IReadOnlyList<int> CoveredLines,
    IReadOnlyList<int> CoveredUncoveredLines,
    bool Executed,
    bool Passed,
    bool Repaired,
    string Origin)
{
    public static RecommendedTestResult From(RecommendedTest test) => new(
        test.TestCode, test.TargetLine, test.ScenarioDescription, test.ExpectedCoverageImpact, test.TestNames,
        test.CoveredLines, test.CoveredRangeLines, Executed: true, test.Passed, test.Repaired, test.Origin);
}

public sealed record DroppedTest(string Name, string Reason);

/// <summary>A generation task's <c>result</c>: the original's <c>generated_code</c> and <c>explanation</c>, and what the file's run showed.</summary>
public sealed record GenerationResult(
    string GeneratedCode,
    string Explanation,
    IReadOnlyList<string> Tests,
    IReadOnlyList<int> CoveredLines,
    double CoveragePercent,
    IReadOnlyList<DroppedTest> DroppedTests,
    string Strategy,
    string? LlmFailure,
    int LlmCalls,
    decimal EstimatedCost,
    double DurationSeconds)
{
    public static GenerationResult From(TestFileGenerated reply) => new(
        reply.GeneratedCode, reply.Explanation, reply.Tests, reply.CoveredLines, reply.CoveragePercent,
        reply.Dropped.Select(d => new DroppedTest(d.Name, d.Reason)).ToList(),
        reply.Strategy, reply.LlmFailure, reply.LlmCalls, reply.EstimatedCost, Math.Round(reply.DurationSeconds, 3));
}
