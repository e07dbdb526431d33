namespace QuestMesh.Contracts;

/// <summary>A generated test module: its path relative to the project root, and its source.</summary>
public record TestSuite(string FileName, string Source);
