namespace QuestMesh.Contracts;

/// <summary>A branch (arc) of the target file no test took; <see cref="To"/> is negative for an exit.</summary>
public record MissingBranch(int From, int To, string Source);
