using Microsoft.Extensions.Options;
using QuestMesh.Llm;

namespace QuestMesh.Generator.Strategies;

/// <summary>Maps a run's requested strategy (<c>auto</c>, <c>search</c>, <c>llm</c>) to a registered strategy.</summary>
public sealed class StrategyResolver(IEnumerable<ITestGenerationStrategy> strategies, IOptions<LlmOptions> llm)
{
    private readonly Dictionary<string, ITestGenerationStrategy> _strategies =
        strategies.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public (ITestGenerationStrategy? Strategy, string? Error) Resolve(string? requested)
    {
        var choice = Choose(requested, llm.Value.IsConfigured, _strategies.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (choice.Name is null)
            return (null, choice.Error);
        return _strategies.TryGetValue(choice.Name, out var strategy)
            ? (strategy, null)
            : (null, $"Strategy '{choice.Name}' is not registered in this generator.");
    }

    /// <summary>
    /// <c>auto</c> takes the hybrid (the search, then the model for what it left) when a model is
    /// configured and this build has it, else the offline search; <c>llm</c> without an endpoint is refused with the settings to fix it, rather than
    /// quietly running something the user did not ask for.
    /// </summary>
    public static StrategyChoice Choose(string? requested, bool llmConfigured, IReadOnlySet<string> available)
    {
        var name = string.IsNullOrWhiteSpace(requested) ? StrategyNames.Auto : requested.Trim().ToLowerInvariant();
        switch (name)
        {
            case StrategyNames.Auto:
                return llmConfigured && available.Contains(StrategyNames.Hybrid)
                    ? StrategyChoice.Use(StrategyNames.Hybrid)
                    : StrategyChoice.Use(StrategyNames.Search);
            case StrategyNames.Search:
                return StrategyChoice.Use(StrategyNames.Search);
            case StrategyNames.Llm when !llmConfigured:
                return StrategyChoice.Refuse(
                    $"Strategy 'llm' needs a model endpoint and none is configured: {LlmOptions.HowToConfigure}; " +
                    "or use strategy 'search' (offline) or 'auto'.");
            case StrategyNames.Llm when !available.Contains(StrategyNames.Llm):
                return StrategyChoice.Refuse(
                    "Strategy 'llm' is not available in this build of the generator; submit the run with strategy 'search' or 'auto'.");
            case StrategyNames.Llm:
                return StrategyChoice.Use(StrategyNames.Llm);
            default:
                return StrategyChoice.Refuse($"Unknown strategy '{requested}'; use 'auto', 'search' or 'llm'.");
        }
    }
}
