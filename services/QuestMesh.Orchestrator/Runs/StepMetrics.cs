using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>Time, LLM cost and tokens spent, per step kind; kept per attempt and for the whole run.</summary>
public sealed class StepMetrics
{
    public Dictionary<string, double> DurationsSeconds { get; set; } = [];
    public decimal EstimatedCost { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }

    /// <summary>Seconds spent waiting for model answers (the offline search's time is not counted).</summary>
    public double LlmDurationSeconds { get; set; }

    public int LlmCalls { get; set; }

    public int TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>The latest hybrid step's split between the search and the model (null when no hybrid step ran).</summary>
    public HybridReport? Hybrid { get; set; }

    public void Add(string step, double seconds, LlmMetadata? llm = null)
    {
        DurationsSeconds[step] = Math.Round(DurationsSeconds.GetValueOrDefault(step) + Math.Max(0, seconds), 3);
        if (llm is null)
            return;
        Hybrid = llm.Hybrid ?? Hybrid;
        EstimatedCost += llm.EstimatedCost;
        PromptTokens += llm.PromptTokens;
        CompletionTokens += llm.CompletionTokens;
        if (llm.LlmCalls == 0)
            return;
        LlmCalls += llm.LlmCalls;
        LlmDurationSeconds = Math.Round(LlmDurationSeconds + llm.LlmDurationSeconds, 3);
    }
}
