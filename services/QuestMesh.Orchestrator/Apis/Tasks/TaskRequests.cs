using System.Text.Json.Serialization;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>
/// The body of <c>POST /optimization/coverage</c> (snake_case): the original system's fields, and
/// QuestMesh's optional <c>module_name</c>, <c>search_budget_seconds</c> and <c>seed</c>. Every field is
/// optional here so that a missing one is named in the answer; unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CoverageTaskRequest
{
    /// <summary>The module's source.</summary>
    public string? SourceCode { get; init; }

    /// <summary>The current test module (may be empty); recommended tests go into it at their <c>target_line</c>.</summary>
    public string? ExistingTestCode { get; init; }

    /// <summary>Lines of the source no test covers: <c>start_line</c>, <c>end_line</c> (1-based, inclusive), <c>type</c> line or branch.</summary>
    public IReadOnlyList<UncoveredRangeRequest?>? UncoveredRanges { get; init; }

    /// <summary><c>pytest</c> (default) or <c>unittest</c>.</summary>
    public string? Framework { get; init; }

    /// <summary>The import name of the module (<c>shop.pricing</c>), as the tests should import it; default <c>target</c>.</summary>
    public string? ModuleName { get; init; }

    /// <summary>Seconds the offline search may spend when no model is configured (1 to 600).</summary>
    public int? SearchBudgetSeconds { get; init; }

    /// <summary>The offline search's seed; default 42.</summary>
    public int? Seed { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UncoveredRangeRequest
{
    public int? StartLine { get; init; }
    public int? EndLine { get; init; }

    /// <summary><c>line</c> or <c>branch</c>.</summary>
    public string? Type { get; init; }
}

/// <summary>The body of <c>POST /generation</c> (snake_case): the source and what the person wants tested.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GenerationTaskRequest
{
    public string? SourceCode { get; init; }

    /// <summary>What to test, in words (the original's field).</summary>
    public string? UserDescription { get; init; }

    /// <summary>The same as <see cref="UserDescription"/>, under a shorter name; give one of them.</summary>
    public string? Description { get; init; }

    /// <summary><c>pytest</c> (default) or <c>unittest</c>.</summary>
    public string? Framework { get; init; }

    /// <summary>The import name of the module (<c>shop.pricing</c>); default <c>target</c>.</summary>
    public string? ModuleName { get; init; }

    public int? SearchBudgetSeconds { get; init; }
    public int? Seed { get; init; }
}
