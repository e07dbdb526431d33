namespace QuestMesh.Contracts;

/// <summary>A model's test the hybrid did not keep, and why (it failed, or it added no coverage and killed no mutant).</summary>
public record RejectedTest(string Name, string Reason);
