namespace QuestMesh.Standalone.Cli;

/// <summary>Input the user can correct; its message is printed as it is, without a stack trace.</summary>
public sealed class BadInputException(string message) : Exception(message);
