namespace QuestMesh.Contracts;

/// <summary>
/// The operands of a failing comparison as the harness saw them (pytest's assertion hook, or unittest's
/// <c>assertEqual</c> frame): <see cref="ExpectedSide"/> is the side written as a literal in the test
/// (left, right, or null when not exactly one is), <see cref="Observed"/> the other side's value as a
/// literal that reads back equal, or null when it cannot be written as one.
/// </summary>
public record AssertionOperands
{
    public string Op { get; init; } = "==";
    public string Left { get; init; } = "";
    public string Right { get; init; } = "";

    /// <summary>pytest or unittest.</summary>
    public string Style { get; init; } = "pytest";
    public string? ExpectedSide { get; init; }
    public string? Observed { get; init; }

    /// <summary>An <c>==</c> of unequal floats (or lists, tuples, dicts of them) equal within rounding: what <c>pytest.approx</c> accepts.</summary>
    public bool Close { get; init; }
}
