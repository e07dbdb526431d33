namespace QuestMesh.Python.Sandboxing;

/// <summary>The configuration asks for isolation this machine cannot give.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
