using QuestMesh.Contracts;

namespace QuestMesh.Standalone.Cli;

/// <summary>A checked <c>questmesh run</c> request: the project exists, the target is a Python file inside it.</summary>
public sealed record RunInput(string ProjectDirectory, string TargetFile, RunSettings Settings, string? OutputDirectory);
