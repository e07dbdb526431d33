namespace QuestMesh.Contracts;

/// <summary>One linter finding: 1-based line and column, the linter's code, <see cref="Severity"/> error, warning or note.</summary>
public record LintFinding
{
    public int Line { get; init; } = 1;
    public int Column { get; init; } = 1;
    public string Code { get; init; } = "";
    public string Severity { get; init; } = "warning";
    public string Message { get; init; } = "";
}
