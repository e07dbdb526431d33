using System.Text.Json.Nodes;

namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>brief</c>: what a model is told about the target, each gap with its source text.</summary>
public sealed record BriefReply
{
    public string Module { get; init; } = "";
    public string Framework { get; init; } = "plain";

    /// <summary><c>pytest</c>, <c>unittest</c> or <c>django</c>.</summary>
    public string TestStyle { get; init; } = "pytest";

    /// <summary>The whole <c>analyze</c> reply (the run's <c>context.json</c>).</summary>
    public JsonObject? Context { get; init; }

    public IReadOnlyList<BriefLine> Lines { get; init; } = [];
    public IReadOnlyList<BriefBranch> Branches { get; init; } = [];
    public IReadOnlyList<BriefMutant> Mutants { get; init; } = [];
}

public sealed record BriefLine(int Line, string? Text, string? Function);

/// <summary><see cref="To"/> is negative (and <see cref="ToText"/> null) for an exit from the function.</summary>
public sealed record BriefBranch(int From, int To, string? FromText, string? ToText, string? Function);

public sealed record BriefMutant(int Line, string? Text, string Original, string Mutated, string? Function);
