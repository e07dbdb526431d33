namespace QuestMesh.Contracts;

/// <summary>What an <see cref="UncoveredRange"/> misses: lines never executed, or a branch never taken.</summary>
public static class UncoveredRangeTypes
{
    public const string Line = "line";
    public const string Branch = "branch";

    public static readonly IReadOnlyList<string> All = [Line, Branch];
}
