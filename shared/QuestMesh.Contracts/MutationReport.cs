namespace QuestMesh.Contracts;

public record MutationReport
{
    public int Total { get; init; }
    public int Killed { get; init; }
    public int Survived { get; init; }
    public int Timeout { get; init; }
    public int NoCoverage { get; init; }
    public int Errors { get; init; }

    /// <summary>Percent of scored mutants killed (timeouts count as killed).</summary>
    public double Score { get; init; }

    /// <summary>Half-width of the 95 % interval when mutants were sampled; null when all ran.</summary>
    public double? Uncertainty { get; init; }

    public double DurationSeconds { get; init; }
    public IReadOnlyList<MutantResult> Mutants { get; init; } = [];
}
