using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>One classification rule: the category (and kind) of a failure whose facts it applies to.</summary>
public sealed record FailureRule(string Category, Func<FailureFacts, bool> Applies, string Kind = FailureKinds.TestMistake);
