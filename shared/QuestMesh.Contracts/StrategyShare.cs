namespace QuestMesh.Contracts;

/// <summary>What one strategy contributed to a suite: its tests, and the lines, branches and mutants only they reach.</summary>
public record StrategyShare
{
    public int Tests { get; init; }
    public int Lines { get; init; }
    public int Branches { get; init; }

    /// <summary>Mutants killed: by the search's suite, or (for the model) ones the search's suite let survive.</summary>
    public int Mutants { get; init; }
}
