namespace QuestMesh.Generator.Prompts;

/// <summary>The two messages of one model call.</summary>
public sealed record Prompt(string System, string User);
