namespace QuestMesh.Python.Workspaces;

/// <summary>A source could not be made into a workspace; the message says why, for the user.</summary>
public sealed class WorkspaceException(string message) : Exception(message);
