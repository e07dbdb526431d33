namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>patch</c>: the module after the edit, whether it changed, and what was done in words.</summary>
public sealed record PatchReply(string Source, bool Changed, string Detail = "");
