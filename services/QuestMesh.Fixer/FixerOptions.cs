using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Fixer;

/// <summary>Section <c>Fixer</c>: how long a validation run may take, how many attempts a failure and how many runs one fix round gets.</summary>
public sealed class FixerOptions
{
    public const string Section = "Fixer";

    /// <summary>Wall-clock limit of one re-run of the suite (seconds).</summary>
    [Range(1, 3600)]
    public int ExecuteTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Repair attempts per failing test in one fix round, each planned on the failure the previous one left; a
    /// test that still fails after the last goes.
    /// </summary>
    [Range(1, 5)]
    public int MaxRepairAttempts { get; set; } = 3;

    /// <summary>
    /// Runs of the suite per fix round. Each run validates every pending attempt and removal at once, so a
    /// round needs about one run per attempt, and one more to confirm the last removals.
    /// </summary>
    [Range(1, 10)]
    public int MaxValidationRuns { get; set; } = 5;

    /// <summary>Fix commands one fixer process works on at once; each runs Python processes, so keep it near the core count.</summary>
    [Range(1, 64)]
    public int ConcurrentSteps { get; set; } = 2;
}
