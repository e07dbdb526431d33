namespace QuestMesh.Contracts;

/// <summary>
/// What asking the supervisor's model cost and how it went (<c>supervisor_llm_metadata</c> in
/// <c>critique.json</c>); null on a critique when <c>Supervisor:Llm:Enabled</c> is off.
/// </summary>
public record SupervisorLlmMetadata
{
    public string? Model { get; init; }
    public double? Entropy { get; init; }
    public double? AvgLogprob { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public int TotalTokens { get; init; }
    public decimal EstimatedCost { get; init; }
    public double LlmDurationSeconds { get; init; }

    /// <summary>Model calls made (1, or 0 when none was sent).</summary>
    public int LlmCalls { get; init; }

    /// <summary>Why the server stopped writing (<c>Stop</c>, <c>Length</c>, …).</summary>
    public string? FinishReason { get; init; }

    /// <summary>Why there are no suggestions: the call failed (with what to do), or the answer was not usable (with the reason); null when they were read.</summary>
    public string? Error { get; init; }

    /// <summary>When the answer was not usable: its start, kept for the reader.</summary>
    public string? FailureOutput { get; init; }
}
