namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// The next repairs: module-level edits first (one per missing module or name, however many tests it broke),
/// then at most one edit per test function; and, for each failure no rule can edit, why not (in words for the report).
/// </summary>
public sealed record RepairPlan(IReadOnlyList<PlannedEdit> Edits, IReadOnlyDictionary<string, string> Refused);
