namespace QuestMesh.Contracts;

/// <summary>Lines of the source no test covers (the task API's <c>uncovered_ranges</c>); <see cref="Type"/> is one of <see cref="UncoveredRangeTypes"/>.</summary>
public record UncoveredRange(int StartLine, int EndLine, string Type);
