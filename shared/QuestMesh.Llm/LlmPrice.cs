namespace QuestMesh.Llm;

/// <summary>What a model costs, in the currency of the user's choice, per million input and output tokens.</summary>
public sealed class LlmPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }

    public decimal Cost(int inputTokens, int outputTokens) =>
        Math.Round((inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m, 8);
}
