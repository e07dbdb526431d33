namespace QuestMesh.Contracts;

public record InlineFile(string Path, string Content);
