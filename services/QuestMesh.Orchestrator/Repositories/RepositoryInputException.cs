namespace QuestMesh.Orchestrator.Repositories;

/// <summary>The repository cannot be run as given (no Python in it, a Python root leading out of it, past the copy limits): the caller's to correct.</summary>
public sealed class RepositoryInputException(string message) : Exception(message);
