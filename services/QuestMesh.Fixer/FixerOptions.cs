using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Fixer;

/// <summary>Section <c>Fixer</c>: how long a validation run may take and how many runs one fix round gets.</summary>
public sealed class FixerOptions
{
    public const string Section = "Fixer";

    /// <summary>Wall-clock limit of one re-run of the suite (seconds).</summary>
    [Range(1, 3600)]
    public int ExecuteTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Runs of the suite per fix round: the first checks the repairs; later ones check repairs of tests seen
    /// failing only then (once the module loads) and confirm the removal of tests that still failed.
    /// </summary>
    [Range(1, 10)]
    public int MaxValidationRuns { get; set; } = 4;

    /// <summary>Fix commands one fixer process works on at once; each runs Python processes, so keep it near the core count.</summary>
    [Range(1, 64)]
    public int ConcurrentSteps { get; set; } = 2;
}
