using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// Builds each step's command from the run's state and the documents it references (read by
/// <see cref="StepSender"/>), so a command lost with a dead worker can be built again, identical but for
/// its StepId.
/// </summary>
public static class RunCommands
{
    public static GenerateTests Generate(RunState run, Guid stepId) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId,
        Source = run.Source, TargetFile = run.TargetFile, Settings = run.Settings,
    };

    /// <summary>
    /// Improve the best suite so far, guided by that suite's own critique: a critique of a worse,
    /// later suite would name missing lines the best one already covers.
    /// </summary>
    public static EnhanceTests Enhance(RunState run, Guid stepId, TestSuite suite, Critique critique) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId,
        Source = run.Source, TargetFile = run.TargetFile, Settings = run.Settings,
        Suite = suite, Critique = critique,
    };

    public static AnalyzeTests Analyze(RunState run, Guid stepId, TestSuite suite, LlmMetadata? metadata) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId,
        Source = run.Source, TargetFile = run.TargetFile, Suite = suite, Metadata = metadata,
    };

    public static ExecuteTests Execute(RunState run, Guid stepId, TestSuite suite) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId,
        Source = run.Source, TargetFile = run.TargetFile, Suite = suite,
        MaxMutants = run.Settings.MaxMutants, Seed = run.Settings.Seed,
    };

    public static FinalizeSuite Finalize(RunState run, Guid stepId, IReadOnlyList<AttemptSuite> suites) => new()
    {
        RunId = run.CorrelationId, StepId = stepId, Source = run.Source, TargetFile = run.TargetFile, Settings = run.Settings,
        Suites = suites,
    };

    public static CritiqueAttempt Critique(RunState run, Guid stepId, TestSuite suite, StaticReport staticReport, ExecutionReport execution) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId,
        TargetFile = run.TargetFile, Suite = suite,
        Static = staticReport,
        PreReliability = run.PendingPreReliability ?? throw Missing(run, "pre-execution reliability"),
        Execution = execution,
        Previous = run.Attempts.LastOrDefault(a => a.Attempt < run.Attempt),
        Settings = run.Settings,
        PossibleBugs = [.. run.PossibleBugs],
    };

    public static FixTests Fix(RunState run, Guid stepId, TestSuite suite, ExecutionReport execution) => new()
    {
        RunId = run.CorrelationId, Attempt = run.Attempt, StepId = stepId, FixRound = run.FixRound,
        Source = run.Source, TargetFile = run.TargetFile, Suite = suite, Execution = execution,
    };

    public static InvalidOperationException Missing(RunState run, string what) =>
        new($"Run {run.CorrelationId} attempt {run.Attempt} in state {run.CurrentState} has no {what}.");
}
