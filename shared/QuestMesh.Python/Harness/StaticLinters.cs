namespace QuestMesh.Python.Harness;

/// <summary>
/// Which of the harness's optional linters <c>static</c> runs, the time each may take, and flake8's line length
/// and mccabe complexity limits.
/// </summary>
public sealed record StaticLinters(bool Pylint = false, bool Mypy = false, int TimeoutSeconds = 30, bool Flake8 = false,
    int MaxLineLength = 120, int MaxComplexity = 10);
