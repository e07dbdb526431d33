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
