namespace QuestMesh.Llm;

/// <summary>One model call: the reply's text and what it cost.</summary>
public sealed record LlmAnswer
{
    public required string Text { get; init; }
    public required string Model { get; init; }
    public int InputTokens { get; init; }
    public int OutputTokens { get; init; }
    public decimal EstimatedCost { get; init; }
    public double DurationSeconds { get; init; }
    public TokenStatistics Statistics { get; init; } = new(null, null);
    public string? FinishReason { get; init; }
}
