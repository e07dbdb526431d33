namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// The repairs for one fix round: the edits to make through the harness, module-level import fixes first,
/// then at most one edit per test function; and, for each failure no rule can edit, why not.
/// </summary>
public sealed record RepairPlan(IReadOnlyList<PlannedEdit> Edits, IReadOnlyDictionary<string, RepairAttempt> Refused);
