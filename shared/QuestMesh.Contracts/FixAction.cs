namespace QuestMesh.Contracts;

/// <summary>What the fixer did to one failing test. <see cref="Action"/> is repaired, removed or kept.</summary>
public record FixAction(string Test, string Category, string Action, string Detail);
