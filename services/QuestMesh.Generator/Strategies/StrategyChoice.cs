namespace QuestMesh.Generator.Strategies;

/// <summary>The strategy a run gets, or why it gets none.</summary>
public sealed record StrategyChoice(string? Name, string? Error)
{
    public static StrategyChoice Use(string name) => new(name, null);
    public static StrategyChoice Refuse(string error) => new(null, error);
}
