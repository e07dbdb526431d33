using QuestMesh.Contracts;

namespace QuestMesh.Generator.Search;

/// <summary>The <c>explore</c> request of PROTOCOL.md (sent in snake_case; nulls left out).</summary>
public sealed record ExploreRequest(
    string ProjectDir,
    string TargetFile,
    int Seed,
    int BudgetSeconds,
    string Style,
    string TestFile,
    string? ExistingTests,
    ExploreFocus? Focus)
{
    /// <summary>
    /// The seed moves with the attempt: each enhance explores new ground, and a run stays reproducible
    /// for its seed.
    /// </summary>
    public static ExploreRequest For(string projectDir, string targetFile, string testFile, RunSettings settings,
        int attempt, TestSuite? existing, Critique? critique) =>
        new(projectDir, targetFile, settings.Seed + attempt, settings.SearchBudgetSeconds, "auto", testFile,
            existing?.Source, critique is null ? null : ExploreFocus.From(critique));
}

public sealed record ExploreFocus(
    IReadOnlyList<int> MissingLines,
    IReadOnlyList<FocusBranch> MissingBranches,
    IReadOnlyList<FocusMutant> SurvivingMutants)
{
    public static ExploreFocus From(Critique critique) => new(
        critique.MissingLines,
        critique.MissingBranches.Select(b => new FocusBranch(b.From, b.To)).ToList(),
        critique.SurvivingMutants.Select(m => new FocusMutant(m.Line, m.Original, m.Mutated)).ToList());
}

public sealed record FocusBranch(int From, int To);

public sealed record FocusMutant(int Line, string Original, string Mutated);
