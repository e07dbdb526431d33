using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Runner;

/// <summary>Section <c>Runner</c>: time limits, the flaky check and mutation testing of suite executions.</summary>
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

    /// <summary>
    /// Shuffled reruns of the flaky check after a clean first run (a command may ask for its own number);
    /// 0 switches the check off.
    /// </summary>
    [Range(0, 20)]
    public int FlakyRuns { get; set; } = 3;

    /// <summary>Most reruns a command may ask for, whatever its <c>FlakyRuns</c> says.</summary>
    [Range(0, 20)]
    public int MaxFlakyRuns { get; set; } = 10;

    /// <summary>
    /// The flaky check runs only when the first run took less than this (seconds): a slow suite would
    /// multiply its cost by the reruns.
    /// </summary>
    [Range(0.0, 3600.0)]
    public double FlakyCheckMaxSuiteSeconds { get; set; } = 30;

    /// <summary>Suites one runner process executes at once: one per core by default.</summary>
    [Range(1, 1024)]
    public int ConcurrentSteps { get; set; } = Environment.ProcessorCount;
}
