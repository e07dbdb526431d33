namespace QuestMesh.Contracts;

/// <summary>One mutant. <see cref="Status"/> is killed, survived, timeout, no-coverage or error.</summary>
public record MutantResult
{
    public int Id { get; init; }
    public int Line { get; init; }
    public required string Operator { get; init; }
    public required string Original { get; init; }
    public required string Mutated { get; init; }
    public required string Status { get; init; }
    public string? KilledBy { get; init; }

    /// <summary>The function or method the change is in, qualified (<c>Cart.total</c>); empty at module level, null from an older harness.</summary>
    public string? Function { get; init; }
}
