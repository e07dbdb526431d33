namespace QuestMesh.Contracts;

/// <summary>
/// A function, method, property or class the offline search left out because the harness failed on it:
/// the step (<c>discover</c>, <c>call</c>, <c>observe</c>, <c>mutant screen</c>, <c>simplify</c>, <c>write</c>),
/// the exception and the harness line it came from. The other targets still got their tests.
/// </summary>
public record SkippedTarget(string Target, string Stage, string ErrorType, string Message, string Location);
