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
    public int TotalTokens { get; init; }
    public double LlmDurationSeconds { get; init; }

    /// <summary>Model calls made for this step (0 for the offline search).</summary>
    public int LlmCalls { get; init; }

    /// <summary>Why the server stopped writing (<c>Stop</c>, <c>Length</c>, …).</summary>
    public string? FinishReason { get; init; }

    /// <summary>The test style the model was asked for: pytest, unittest or django.</summary>
    public string? TestStyle { get; init; }

    /// <summary>What the harness took out of the model's answer because the rules forbid it.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Set when the model's answer was not a usable test module: the reason (kind: message).</summary>
    public string? UnusableReason { get; init; }

    /// <summary>When generation failed in a harness process: the end of its error output (a Python traceback), kept for the reader.</summary>
    public string? FailureOutput { get; init; }

    /// <summary>Targets the offline search skipped (the harness failed on them); empty for a complete search.</summary>
    public IReadOnlyList<SkippedTarget> SkippedTargets { get; init; } = [];

    /// <summary>For the hybrid (<c>auto</c> with a model): what came from the search and what from the model; null otherwise.</summary>
    public HybridReport? Hybrid { get; init; }
}
