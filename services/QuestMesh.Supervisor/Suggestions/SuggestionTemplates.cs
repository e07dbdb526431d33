using QuestMesh.Llm;

namespace QuestMesh.Supervisor.Suggestions;

/// <summary>The suggestion prompt's two templates, shipped in <c>Prompts/Templates/</c>; <c>Generator:Llm:PromptsFolder</c> overrides them file by file.</summary>
public sealed record SuggestionTemplates(string System, string User)
{
    public const string SystemFile = "supervise_system.md";
    public const string UserFile = "supervise.md";

    public static SuggestionTemplates Load(string shipped, string? overrides) =>
        new(PromptText.Read(shipped, overrides, SystemFile), PromptText.Read(shipped, overrides, UserFile));
}
