namespace QuestMesh.Contracts;

/// <summary>
/// What the fixer did to one failing test. <see cref="Action"/> is repaired, removed or kept (the outcome),
/// <see cref="Detail"/> says why in words.
/// </summary>
public record FixAction(string Test, string Category, string Action, string Detail)
{
    /// <summary>One of <see cref="FailureKinds"/>.</summary>
    public string Kind { get; init; } = FailureKinds.TestMistake;

    /// <summary>The failure as it first showed (<c>ZeroDivisionError: division by zero</c>).</summary>
    public string Failure { get; init; } = "";

    /// <summary>Each repair attempt in order; empty when no rule applied.</summary>
    public IReadOnlyList<FixAttempt> Attempts { get; init; } = [];
}
