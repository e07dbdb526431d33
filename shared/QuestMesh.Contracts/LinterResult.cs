namespace QuestMesh.Contracts;

public record LinterResult
{
    public bool Available { get; init; }
    public int IssueCount { get; init; }

    /// <summary>Issues that make the module fail at import or run time (undefined names, syntax).</summary>
    public int ErrorCount { get; init; }
    public int? ExitCode { get; init; }
    public string Output { get; init; } = "";

    /// <summary>Each finding with its position (for SARIF); empty when the linter did not run.</summary>
    public IReadOnlyList<LintFinding> Findings { get; init; } = [];
}
