using System.Text.Json.Serialization;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary>
/// <c>attempt_&lt;n&gt;.response.json</c>. The original system's execution response mixed camelCase
/// (<c>exitCode</c>, <c>executionTime</c>, <c>coverageDetails</c>) with snake_case; both are kept as they were.
/// </summary>
public sealed record ResponseDocument
{
    public required string Status { get; init; }
    public bool Success { get; init; }
    [JsonPropertyName("exitCode")] public int ExitCode { get; init; }
    [JsonPropertyName("executionTime")] public double ExecutionTime { get; init; }
    public double Coverage { get; init; }
    [JsonPropertyName("coverageDetails")] public CoverageDetailsDocument? CoverageDetails { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public string? TestError { get; init; }
    public double? MutationScore { get; init; }
    public double? MutationUncertainty { get; init; }
    public int MutationNum { get; init; }
    public MutationCountsDocument? Mutation { get; init; }
    public IReadOnlyList<TestOutcome> Tests { get; init; } = [];
    public IReadOnlyList<MutantResult> SurvivingMutants { get; init; } = [];

    public static ResponseDocument From(ExecutionReport report) => new()
    {
        Status = report.Status,
        Success = report.Success,
        ExitCode = report.ExitCode,
        ExecutionTime = report.ExecutionTime,
        Coverage = report.Coverage?.Percent ?? 0,
        CoverageDetails = report.Coverage is { } coverage ? CoverageDetailsDocument.From(coverage) : null,
        Stdout = report.Stdout,
        Stderr = report.Stderr,
        TestError = report.TestError,
        MutationScore = report.Mutation?.Score,
        MutationUncertainty = report.Mutation?.Uncertainty,
        MutationNum = report.Mutation?.Total ?? 0,
        Mutation = report.Mutation is { } mutation ? MutationCountsDocument.From(mutation) : null,
        Tests = report.Tests,
        SurvivingMutants = report.Mutation?.Mutants.Where(m => m.Status == "survived").ToList() ?? [],
    };
}

public sealed record CoverageDetailsDocument(
    IReadOnlyList<int> MissingLines,
    IReadOnlyList<int> CoveredLines,
    int TotalLines,
    int Covered,
    double PercentCovered,
    int TotalBranches,
    int CoveredBranches,
    IReadOnlyList<MissingBranch> MissingBranches)
{
    public static CoverageDetailsDocument From(CoverageReport coverage) => new(
        coverage.MissingLines, coverage.CoveredLines, coverage.Statements, coverage.CoveredStatements,
        coverage.Percent, coverage.Branches, coverage.CoveredBranches, coverage.MissingBranches);
}

public sealed record MutationCountsDocument(
    int Total, int Killed, int Survived, int Timeout, int NoCoverage, int Errors, double DurationSeconds)
{
    public static MutationCountsDocument From(MutationReport mutation) => new(
        mutation.Total, mutation.Killed, mutation.Survived, mutation.Timeout, mutation.NoCoverage,
        mutation.Errors, mutation.DurationSeconds);
}
