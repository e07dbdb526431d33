using System.Text.Json.Nodes;
using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>explore</c>, the offline test search.</summary>
public sealed record ExploreReply
{
    public string TestSource { get; init; } = "";
    public int Tests { get; init; }
    public int NewTests { get; init; }
    public int Calls { get; init; }
    public int ArcsCovered { get; init; }
    public string Style { get; init; } = "pytest";

    /// <summary>Why the target could not be imported (a syntax error, a missing dependency); then no tests are written.</summary>
    public string? ImportError { get; init; }

    /// <summary>Targets left out because the harness failed on them; the suite covers the others.</summary>
    public IReadOnlyList<SkippedTarget> Skipped { get; init; } = [];

    /// <summary>Calls whose outcome contradicts the target's own hints or docstring examples; no test asserts them.</summary>
    public IReadOnlyList<PossibleBug> PossibleBugs { get; init; } = [];

    /// <summary>The <c>analyze</c> reply for the target, kept as the run's <c>context.json</c>.</summary>
    public JsonObject? Context { get; init; }
}
