namespace QuestMesh.Contracts;

/// <summary>The figures of one attempt, as the router and the progression table see them.</summary>
public record AttemptFigures
{
    public int Attempt { get; init; }
    public double Coverage { get; init; }
    public double MutationScore { get; init; }
    public int Tests { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public string Status { get; init; } = "";
}
