using QuestMesh.Contracts;
using QuestMesh.Generator.Strategies;
using QuestMesh.Llm;

namespace QuestMesh.Generator.Hybrid;

/// <summary>A hybrid step's <c>llm_metadata.json</c> figures: the model's calls summed, entropy and log-probability averaged over the calls that had them.</summary>
public static class HybridMetadata
{
    public static LlmMetadata Of(IReadOnlyList<LlmAnswer> answers, LlmMetadata search, string? model, int failedCalls)
    {
        var entropies = answers.Select(a => a.Statistics.Entropy).OfType<double>().ToList();
        var logprobs = answers.Select(a => a.Statistics.AvgLogprob).OfType<double>().ToList();
        var prompt = answers.Sum(a => a.InputTokens);
        var completion = answers.Sum(a => a.OutputTokens);
        return search with
        {
            Strategy = StrategyNames.Hybrid,
            Model = answers.LastOrDefault()?.Model ?? model,
            Entropy = entropies.Count == 0 ? null : entropies.Average(),
            AvgLogprob = logprobs.Count == 0 ? null : logprobs.Average(),
            PromptTokens = prompt,
            CompletionTokens = completion,
            TotalTokens = prompt + completion,
            EstimatedCost = answers.Sum(a => a.EstimatedCost),
            LlmDurationSeconds = Math.Round(answers.Sum(a => a.DurationSeconds), 3),
            LlmCalls = answers.Count + failedCalls,
            FinishReason = answers.LastOrDefault()?.FinishReason,
        };
    }
}
