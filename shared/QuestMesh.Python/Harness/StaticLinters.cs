namespace QuestMesh.Python.Harness;

/// <summary>Which of the harness's optional linters <c>static</c> runs, and the time each may take.</summary>
public sealed record StaticLinters(bool Pylint = false, bool Mypy = false, int TimeoutSeconds = 30);
