namespace QuestMesh.Contracts;

/// <summary>What a generation step cost and how confident the model was (seed artifact <c>llm_metadata.json</c>).</summary>
public record LlmMetadata
{
    public string Strategy { get; init; } = "search";
    public string? Model { get; init; }
    public double? Entropy { get; init; }
    public double? AvgLogprob { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public decimal EstimatedCost { get; init; }
    public double LlmDurationSeconds { get; init; }

    /// <summary>When generation failed in a harness process: the end of its error output (a Python traceback), kept for the reader.</summary>
    public string? FailureOutput { get; init; }

    /// <summary>Targets the offline search skipped (the harness failed on them); empty for a complete search.</summary>
    public IReadOnlyList<SkippedTarget> SkippedTargets { get; init; } = [];
}
