namespace QuestMesh.Contracts;

/// <summary>
/// The one module a task is about, given as text: saved as <see cref="ModuleName"/> (<c>shop.pricing</c> →
/// <c>shop/pricing.py</c>) so that tests import it by that name.
/// </summary>
public record TaskSource
{
    public required string SourceCode { get; init; }
    public string ModuleName { get; init; } = DefaultModuleName;

    /// <summary>The framework the tests are written for: one of <see cref="TestFrameworks"/>.</summary>
    public string Framework { get; init; } = TestFrameworks.Pytest;

    /// <summary>Seconds the offline search may spend when no model is configured.</summary>
    public int SearchBudgetSeconds { get; init; } = 10;

    public int Seed { get; init; } = 42;

    public const string DefaultModuleName = "target";
}
