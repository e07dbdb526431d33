using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// A checked whole-repository request (<c>questmesh run &lt;repo&gt;</c> without <c>--file</c>, or <c>POST /api/runs</c>
/// without a target file). <see cref="RepositoryDirectory"/> is where the survey reads it: the user's folder, or the
/// API's copy of <see cref="Source"/>; module runs and suite runs copy <see cref="Source"/> (null: the folder itself).
/// <see cref="OutputDirectory"/> and <see cref="PushBranch"/> are the command line's only; <see cref="Tenant"/> the API's
/// caller, whose runs the module runs are too.
/// </summary>
public sealed record RepositoryRunInput(
    string RepositoryDirectory,
    RunSettings Settings,
    string? OutputDirectory,
    RepositoryLimits Limits,
    GateThresholds Gate,
    string? PushBranch,
    SourceSpec? Source = null,
    string? Tenant = null)
{
    public SourceSpec SourceOrFolder => Source ?? new SourceSpec { Kind = SourceKinds.Path, Path = RepositoryDirectory };
}

/// <summary>
/// How much generation may cost: modules at most (null: every module with gaps), seconds per module run and in all, and
/// how many module runs go on at once (<see cref="Parallel"/>: each is a run of the loop on the bus, so in distributed
/// mode they spread over the runner pool).
/// </summary>
public sealed record RepositoryLimits(int? MaxModules, int ModuleBudgetSeconds, int TotalBudgetSeconds, int Parallel = 1);

/// <summary>What the combined suite must reach for exit 0: coverage in percent, and its rise over the baseline in points.</summary>
public sealed record GateThresholds(double? MinCoverage, double? MinDelta);
