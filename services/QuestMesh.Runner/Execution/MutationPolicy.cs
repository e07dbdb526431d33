using QuestMesh.Contracts;

namespace QuestMesh.Runner.Execution;

/// <summary>Whether a suite run is worth mutation testing.</summary>
public static class MutationPolicy
{
    /// <summary>
    /// Mutants are scored against passing tests only, so a suite with none (or one that timed out)
    /// would spend the mutation budget to learn nothing.
    /// </summary>
    public static bool ShouldMutate(ExecutionReport report, ExecuteTests command, RunnerOptions options) =>
        options.Mutation
        && command.Mutation
        && report.Status != ExecutionStatus.Timeout
        && report.Tests.Any(t => t.Outcome == "passed");
}
