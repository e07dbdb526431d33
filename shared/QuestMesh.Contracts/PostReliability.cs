namespace QuestMesh.Contracts;

/// <summary>Reliability judged after execution (seed artifact <c>post_reliability.json</c>).</summary>
public record PostReliability(string Level, IReadOnlyList<string> Reasons)
{
    public const string Trusted = "trusted";
    public const string NeedsReview = "needs_review";
    public const string Discard = "discard";
}
