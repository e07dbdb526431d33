namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>merge</c>: the base module with the chosen tests of another added.</summary>
public sealed record MergeReply
{
    public string Source { get; init; } = "";

    /// <summary>The addition's top-level tests (functions and test classes), in order.</summary>
    public IReadOnlyList<string> Tests { get; init; } = [];

    /// <summary>The chosen tests' names as they are in <see cref="Source"/>.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    public IReadOnlyDictionary<string, string> Renamed { get; init; } = new Dictionary<string, string>();

    /// <summary>The 1-based line of the base before which new tests go (its main guard, else one past its end): a real insertion point.</summary>
    public int InsertLine { get; init; }

    /// <summary>What was added (the imports the base lacks, helpers, the chosen tests) as one block to insert before <see cref="InsertLine"/>.</summary>
    public string Snippet { get; init; } = "";
}
