namespace QuestMesh.Contracts;

/// <summary>
/// What the supervisor's model suggests after the rule-based critique (seed artifact <c>llm_suggestions</c>
/// in <c>critique.json</c>), each list most important first. Advice to the next attempt, never a verdict:
/// the rules' flags and instructions stand whatever the model says.
/// </summary>
public record LlmSuggestions
{
    public IReadOnlyList<string> PriorityIssues { get; init; } = [];
    public IReadOnlyList<string> CoverageSuggestions { get; init; } = [];
    public IReadOnlyList<string> MutationSuggestions { get; init; } = [];
    public IReadOnlyList<string> CodeQualitySuggestions { get; init; } = [];
    public IReadOnlyList<string> TestStrategySuggestions { get; init; } = [];
    public IReadOnlyList<string> NextSteps { get; init; } = [];
}
