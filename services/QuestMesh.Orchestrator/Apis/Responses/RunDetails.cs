using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Queries;
using QuestMesh.Orchestrator.Routing;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Apis.Responses;

/// <summary>A run as <c>GET /api/runs/{runId}</c> shows it.</summary>
public sealed record RunDetails
{
    public Guid RunId { get; init; }

    /// <summary><c>pending</c> (accepted, not started), <c>running</c>, <c>completed</c> (ended with a suite), <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The run saga's state: Generating, Checking, Critiquing, Fixing, Finalizing, Completed, Failed, Cancelled; null while pending.</summary>
    public string? State { get; init; }

    /// <summary>The last step's word (<c>generated</c>, <c>executed</c>, <c>critiqued</c>, <c>fixing</c>, …).</summary>
    public string? Phase { get; init; }

    /// <summary>A sentence about the last step or the end (why the run stopped, what failed).</summary>
    public string? Detail { get; init; }

    public required string TargetFile { get; init; }
    public SourceSummary? Source { get; init; }
    public required RunSettings Settings { get; init; }

    /// <summary>The attempt under way (0 is the first).</summary>
    public int Attempt { get; init; }

    /// <summary>Branch coverage (percent) of the best attempt so far: the one the final suite is.</summary>
    public double? Coverage { get; init; }

    /// <summary>Mutation score (percent) of the best attempt so far.</summary>
    public double? MutationScore { get; init; }

    public int? BestAttempt { get; init; }

    /// <summary>Whether the best attempt reaches both targets.</summary>
    public bool TargetsMet { get; init; }

    /// <summary>Set once the run ended: <c>targets-met</c>, <c>max-attempts</c>, <c>no-progress</c>, <c>cancelled</c>, <c>failed:&lt;why&gt;</c>.</summary>
    public string? TerminationReason { get; init; }

    /// <summary>Each finished attempt's figures.</summary>
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];

    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public required RunLinks Links { get; init; }

    public static RunDetails From(RunRecord run)
    {
        var best = run.BestAttempt is { } n ? run.Attempts.FirstOrDefault(a => a.Attempt == n) : null;
        var pending = run.Status == RunStatuses.Pending;
        return new RunDetails
        {
            RunId = run.RunId,
            Status = run.Status,
            State = pending ? null : run.State,
            Phase = pending ? null : run.Phase,
            Detail = run.Detail,
            TargetFile = run.TargetFile,
            Source = run.Source is { } source ? SourceSummary.From(source) : null,
            Settings = run.Settings,
            Attempt = run.Attempt,
            Coverage = run.BestCoverage,
            MutationScore = run.BestMutation,
            BestAttempt = run.BestAttempt,
            TargetsMet = best is not null && RouterPolicy.TargetsMet(best, run.Settings),
            TerminationReason = run.TerminationReason,
            Attempts = run.Attempts,
            SubmittedAt = run.SubmittedAt,
            UpdatedAt = pending ? null : run.UpdatedAt,
            FinishedAt = run.FinishedAt,
            Links = RunLinks.Of(run.RunId),
        };
    }
}

/// <summary>Where the run's project came from; inline files by path only, a git URL without credentials.</summary>
public sealed record SourceSummary(string Kind, string? GitUrl, string? GitRef, string? ArchiveSha256, IReadOnlyList<string>? Files)
{
    public static SourceSummary From(SourceSpec source) => new(
        source.Kind,
        source.GitUrl is { } url ? GitCli.Redact(url) : null,
        source.GitRef,
        source.ArchiveSha256,
        source.Files?.Select(f => f.Path).ToList());
}

public sealed record RunLinks(string Self, string Artifacts, string Events)
{
    public static RunLinks Of(Guid runId) => new($"/api/runs/{runId}", $"/api/runs/{runId}/artifacts", $"/api/runs/{runId}/events");
}
