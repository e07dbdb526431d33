namespace QuestMesh.Generator.Strategies;

/// <summary>Values of <see cref="QuestMesh.Contracts.RunSettings.Strategy"/>.</summary>
public static class StrategyNames
{
    public const string Auto = "auto";
    public const string Search = "search";
    public const string Llm = "llm";
}
