using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.Orchestrator.Apis.Responses;

/// <summary>One run in a list: where it stands and its best figures so far.</summary>
public sealed record RunSummary
{
    public Guid RunId { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    public required string TargetFile { get; init; }

    /// <summary>The attempt under way (0 is the first).</summary>
    public int Attempt { get; init; }

    /// <summary>How many attempts have finished (each has its figures in <c>GET /api/runs/{id}</c>).</summary>
    public int FinishedAttempts { get; init; }

    /// <summary>Branch coverage (percent) of the best attempt so far; null before the first execution.</summary>
    public double? Coverage { get; init; }

    /// <summary>Mutation score (percent) of the best attempt so far; null before the first execution.</summary>
    public double? MutationScore { get; init; }

    /// <summary><c>targets-met</c>, <c>max-attempts</c>, <c>no-progress</c>, <c>cancelled</c> or <c>failed:&lt;why&gt;</c> once it ended.</summary>
    public string? TerminationReason { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public static RunSummary From(RunRecord run) => new()
    {
        RunId = run.RunId,
        Status = run.Status,
        TargetFile = run.TargetFile,
        Attempt = run.Attempt,
        FinishedAttempts = run.Attempts.Count,
        Coverage = run.BestCoverage,
        MutationScore = run.BestMutation,
        TerminationReason = run.TerminationReason,
        SubmittedAt = run.SubmittedAt,
        FinishedAt = run.FinishedAt,
    };
}

/// <summary>One page of runs, newest first; <see cref="Total"/> counts every run the filter matches.</summary>
public sealed record RunPage(IReadOnlyList<RunSummary> Items, int Page, int PageSize, int Total);
