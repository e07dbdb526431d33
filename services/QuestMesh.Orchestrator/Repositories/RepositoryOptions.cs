using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>Section <c>Repository</c>: limits of the whole-suite runs of a whole-repository run (<c>questmesh run &lt;repo&gt;</c>).</summary>
public sealed class RepositoryOptions
{
    public const string Section = "Repository";

    /// <summary>Wall-clock limit of one run of the whole suite (the baseline, each combined round), seconds.</summary>
    [Range(10, 86400)]
    public int SuiteTimeoutSeconds { get; set; } = 600;

    /// <summary>Runs of the combined suite that may drop failing generated tests before every failing generated file goes at once.</summary>
    [Range(1, 20)]
    public int MaxCombineRounds { get; set; } = 4;

    /// <summary>Repository runs the API accepted that one orchestrator carries out at once (their module runs go to the workers).</summary>
    [Range(1, 64)]
    public int ConcurrentRuns { get; set; } = 1;
}
