namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>union</c>: the merged suite, and for each of its top-level tests the attempt that wrote it.</summary>
public sealed record UnionReply
{
    public string Source { get; init; } = "";
    public IReadOnlyDictionary<string, int> Origins { get; init; } = new Dictionary<string, int>();
    public int Tests { get; init; }
}

/// <summary>Reply of <c>minimise</c>: the suite with only the <see cref="Kept"/> top-level tests.</summary>
public sealed record MinimiseReply
{
    public string Source { get; init; } = "";
    public IReadOnlyList<string> Kept { get; init; } = [];
    public IReadOnlyList<string> Dropped { get; init; } = [];
}
