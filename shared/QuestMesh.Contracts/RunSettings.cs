namespace QuestMesh.Contracts;

/// <summary>What a run aims for and how much it may spend. Defaults match DESIGN.md §2.</summary>
public record RunSettings
{
    public int MaxAttempts { get; init; } = 3;
    public double TargetCoverage { get; init; } = 90.0;
    public double TargetMutation { get; init; } = 50.0;

    /// <summary><c>auto</c>, <c>search</c> or <c>llm</c>.</summary>
    public string Strategy { get; init; } = "auto";

    public int Seed { get; init; } = 42;
    public int MaxFixRounds { get; init; } = 2;

    /// <summary>Seconds the offline search may spend per generate or enhance step.</summary>
    public int SearchBudgetSeconds { get; init; } = 20;

    /// <summary>Sample at most this many mutants (null: all).</summary>
    public int? MaxMutants { get; init; }
}
