using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// A repository run as <c>GET /api/repository-runs/{id}</c> shows it, kept as its <c>repository_run.json</c> artifact
/// (so it is wherever the host keeps artifacts: files, or PostgreSQL). <see cref="Status"/>: queued, running, completed
/// (the reports are written; <see cref="GatePassed"/> says whether the thresholds held) or failed (<see cref="Error"/>).
/// <see cref="Phase"/> says where a running one is: surveying, baseline, generating, combining, reporting.
/// </summary>
public sealed record RepositoryRunRecord
{
    public const string ArtifactName = "repository_run.json";

    public required Guid RunId { get; init; }
    public string? Tenant { get; init; }
    public required string Status { get; init; }
    public string? Phase { get; init; }
    public string? Error { get; init; }
    public required RunSettings Settings { get; init; }
    public required RepositoryLimits Limits { get; init; }
    public required GateThresholds Gate { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? PythonRoot { get; init; }
    public string? Framework { get; init; }
    public double? Before { get; init; }

    /// <summary>What became of the repository's declared requirements, in one line (null: it declares none).</summary>
    public string? Dependencies { get; init; }
    public double? After { get; init; }
    public double? Delta { get; init; }
    public int? GeneratedTests { get; init; }
    public bool? GatePassed { get; init; }
    public IReadOnlyList<string> GateChecks { get; init; } = [];
    public IReadOnlyList<ModuleRunEntry> Modules { get; init; } = [];

    public bool Ended => Status is "completed" or "failed";
}

/// <summary>One module run of a repository run: the module, its own run (at <c>/api/runs/{runId}</c>) and how it stands.</summary>
public sealed record ModuleRunEntry(string Path, Guid? RunId, string Status, string? Reason, double? Coverage);
