namespace QuestMesh.Generator.Strategies;

/// <summary>Values of <see cref="QuestMesh.Contracts.RunSettings.Strategy"/>.</summary>
public static class StrategyNames
{
    public const string Auto = "auto";
    public const string Search = "search";
    public const string Llm = "llm";

    /// <summary>What <c>auto</c> runs when a model is configured: the search, then the model for the gaps it left.</summary>
    public const string Hybrid = "hybrid";
}
