namespace QuestMesh.Python;

/// <summary>The machine lacks what QuestMesh needs to run Python (an interpreter, pytest, coverage).</summary>
public sealed class PythonEnvironmentException(string message) : Exception(message);
