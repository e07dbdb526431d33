namespace QuestMesh.Python.Harness;

public sealed record PatchReply(string Source, bool Changed);
