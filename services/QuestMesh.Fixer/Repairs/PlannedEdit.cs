using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Repairs;

/// <summary>One harness <c>patch</c> edit and the failing tests it is meant to repair.</summary>
public sealed record PlannedEdit(PatchEdit Edit, IReadOnlyList<string> Tests);
