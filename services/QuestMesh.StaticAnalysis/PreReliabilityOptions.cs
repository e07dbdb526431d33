using System.ComponentModel.DataAnnotations;

namespace QuestMesh.StaticAnalysis;

/// <summary>Section <c>StaticAnalysis:PreReliability</c>: thresholds of the pre-execution reliability level.</summary>
public sealed class PreReliabilityOptions
{
    public const string Section = "StaticAnalysis:PreReliability";

    /// <summary>Lint issues from which a suite is at best <c>medium</c>.</summary>
    [Range(1, 10000)]
    public int LintIssuesForMedium { get; set; } = 20;

    /// <summary>Mean token entropy (nats) of the generating model from which a suite is at best <c>medium</c>.</summary>
    [Range(0.0, 100.0)]
    public double EntropyForMedium { get; set; } = 0.5;

    /// <summary>Mean token entropy (nats) from which the model was guessing and the suite is <c>low</c>.</summary>
    [Range(0.0, 100.0)]
    public double EntropyForLow { get; set; } = 1.0;
}
