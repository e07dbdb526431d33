using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Routing;

/// <summary>What the router knows when an attempt has been checked and critiqued.</summary>
public sealed record RouterInput
{
    /// <summary>The figures of the attempt just checked (its latest check when it was fixed).</summary>
    public required AttemptFigures Current { get; init; }

    /// <summary>The figures of the finished attempts before it, oldest first.</summary>
    public IReadOnlyList<AttemptFigures> Earlier { get; init; } = [];

    /// <summary>Tests failed, errored, timed out, or did not collect.</summary>
    public bool TestsFailing { get; init; }

    /// <summary>Fix rounds already spent on the current attempt.</summary>
    public int FixRound { get; init; }

    public RunSettings Settings { get; init; } = new();
}
