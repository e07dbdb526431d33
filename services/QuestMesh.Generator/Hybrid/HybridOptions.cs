using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Generator.Hybrid;

/// <summary>Section <c>Generator:Hybrid</c>: how <c>auto</c> with a model spends calls after the search.</summary>
public sealed class HybridOptions
{
    public const string Section = "Generator:Hybrid";

    /// <summary>Most model calls per step; functions with the most gaps are asked about first.</summary>
    [Range(1, 50)]
    public int MaxCalls { get; set; } = 3;

    /// <summary>Most gaps (missing lines, branches, surviving mutants) one call asks about.</summary>
    [Range(1, 200)]
    public int GapsPerCall { get; set; } = 30;

    /// <summary>Seconds one run of the suite (with one candidate test) may take.</summary>
    [Range(5, 3600)]
    public int ExecuteTimeoutSeconds { get; set; } = 120;

    /// <summary>Seconds one mutation run (the search's suite, a candidate, the final suite) may take.</summary>
    [Range(5, 7200)]
    public int MutateTimeoutSeconds { get; set; } = 600;
}
