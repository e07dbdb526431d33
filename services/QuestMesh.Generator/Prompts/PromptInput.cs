using QuestMesh.Contracts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Prompts;

/// <summary>Everything a prompt is made of; <see cref="ExistingSuite"/> null means a first suite (the generator prompt).</summary>
public sealed record PromptInput
{
    public required BriefReply Brief { get; init; }
    public required string TargetFile { get; init; }
    public required string TargetCode { get; init; }
    public required string TestFile { get; init; }
    public string? ExistingSuite { get; init; }

    /// <summary>The critique's instructions: failing tests with their errors, low coverage or mutation, no progress.</summary>
    public IReadOnlyList<string> Instructions { get; init; } = [];

    /// <summary>The supervisor's model suggestions on the last attempt (<c>Supervisor:Llm:Enabled</c>); listed after the instructions.</summary>
    public LlmSuggestions? Suggestions { get; init; }

    /// <summary>Ask only for new tests for the brief's gaps (the hybrid), keeping <see cref="ExistingSuite"/> as it is.</summary>
    public bool GapsOnly { get; init; }
}
