using System.Text.Json.Nodes;

namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>survey</c>: where a repository's Python lives and what it holds (paths relative to the Python root).</summary>
public sealed record SurveyReply
{
    /// <summary>Relative to the repository, <c>.</c> for the repository itself; null when none was found (<see cref="Problem"/> says why).</summary>
    public string? PythonRoot { get; init; }
    public string? RootReason { get; init; }
    public IReadOnlyList<string> OtherRoots { get; init; } = [];

    /// <summary>Why the repository cannot be worked on as it is: no Python root, or no module in it; null otherwise.</summary>
    public string? Problem { get; init; }

    public FrameworkFinding? Framework { get; init; }
    public string? TestStyle { get; init; }
    public IReadOnlyList<string> Modules { get; init; } = [];
    public IReadOnlyList<string> Tests { get; init; } = [];
    public IReadOnlyList<string> Conftests { get; init; } = [];
    public IReadOnlyList<string> TestHelpers { get; init; } = [];
    public IReadOnlyList<PathReason> LeftOut { get; init; } = [];
    public int OutsideRoot { get; init; }
    public IReadOnlyList<PathReason> SkippedFolders { get; init; } = [];

    /// <summary>What the repository declares it depends on; null without a Python root.</summary>
    public DeclaredDependencies? Dependencies { get; init; }

    /// <summary>The <c>conftest.py</c> the generated tests get; null without a Python root.</summary>
    public GeneratedConftest? Conftest { get; init; }
}

/// <summary>
/// The dependency declarations found (paths relative to the repository): <see cref="Install"/> is every distinct
/// requirement to install, <see cref="Ignored"/> what was left out and why.
/// </summary>
public sealed record DeclaredDependencies
{
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<DeclaredRequirement> Requirements { get; init; } = [];
    public IReadOnlyList<string> Install { get; init; } = [];
    public IReadOnlyList<IgnoredDeclaration> Ignored { get; init; } = [];
}

public sealed record DeclaredRequirement(string Requirement, string Name, string Source, int? Line, string? Group);

public sealed record IgnoredDeclaration(string Source, int? Line, string Text, string Reason);

/// <summary>
/// The generated tests' <c>conftest.py</c> (<see cref="Path"/> relative to the Python root) for their framework;
/// <see cref="Source"/> null when none is written (<see cref="Reason"/> says why). <see cref="Requires"/>: the import
/// names it needs, to be found where the tests run.
/// </summary>
public sealed record GeneratedConftest
{
    public string Path { get; init; } = "";
    public string Framework { get; init; } = "plain";
    public string? Source { get; init; }
    public IReadOnlyList<string> Fixtures { get; init; } = [];
    public IReadOnlyList<string> Requires { get; init; } = [];
    public string? Reason { get; init; }
}

/// <summary><see cref="Name"/>: django, fastapi, flask or plain; <see cref="Rule"/> and <see cref="Conflict"/> say how it was decided.</summary>
public sealed record FrameworkFinding
{
    public string Name { get; init; } = "plain";
    public string Rule { get; init; } = "";
    public string? Conflict { get; init; }
    public JsonObject? Evidence { get; init; }
}

public sealed record PathReason(string Path, string Reason);
