using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Runner;

/// <summary>Section <c>Runner</c>: time limits and mutation testing of suite executions.</summary>
public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Wall-clock limit of one suite run (seconds); a suite past it is reported as <c>timeout</c>.</summary>
    [Range(1, 3600)]
    public int ExecutionTimeoutSeconds { get; set; } = 120;

    /// <summary>Wall-clock limit of one mutation-testing run (seconds).</summary>
    [Range(1, 86400)]
    public int MutationTimeoutSeconds { get; set; } = 600;

    /// <summary>Master switch: false skips mutation testing whatever a command asks for.</summary>
    public bool Mutation { get; set; } = true;

    /// <summary>Mutants sampled when a command sets no limit; null runs them all.</summary>
    [Range(1, 100000)]
    public int? DefaultMaxMutants { get; set; }

    /// <summary>Suites one runner executes at once; each already uses every core for mutants.</summary>
    [Range(1, 64)]
    public int MaxConcurrentExecutions { get; set; } = 1;
}
