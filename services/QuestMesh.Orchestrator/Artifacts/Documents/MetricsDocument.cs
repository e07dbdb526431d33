using QuestMesh.Orchestrator.Runs;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>attempt_&lt;n&gt;.metrics.json</c>: what each step of the attempt took, and what the LLM cost.</summary>
public sealed record MetricsDocument(
    int Attempt,
    IReadOnlyDictionary<string, double> DurationsSeconds,
    decimal EstimatedCost,
    int PromptTokens,
    int CompletionTokens,
    int TotalTokens,
    int FixRounds)
{
    public static MetricsDocument From(RunState run) => From(run.Attempt, run.AttemptMetrics, run.FixRound);

    public static MetricsDocument From(int attempt, StepMetrics metrics, int fixRounds) => new(
        attempt, metrics.DurationsSeconds, metrics.EstimatedCost, metrics.PromptTokens,
        metrics.CompletionTokens, metrics.TotalTokens, fixRounds);
}
