namespace QuestMesh.Fixer.Repairs;

/// <summary>What the repairs know about the project: the target, its source, and every module it has.</summary>
public sealed record RepairContext
{
    public required string SuiteFile { get; init; }
    public required string TargetFile { get; init; }
    public required string TargetModule { get; init; }

    /// <summary>The target module's source, to see which names and exception classes it defines; null if unreadable.</summary>
    public string? TargetSource { get; init; }

    /// <summary>Dotted names of the project's Python modules (<c>src/</c> layout already stripped).</summary>
    public IReadOnlyList<string> ProjectModules { get; init; } = [];
}
