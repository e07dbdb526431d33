namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// The repairs for one fix round: the module text after module-level edits (imports), then the function
/// rewrites to patch in by name, then the imports those rewrites need; and per failing test, what was tried.
/// </summary>
public sealed record RepairPlan(
    string ModuleSource,
    IReadOnlyList<FunctionRewrite> Rewrites,
    IReadOnlyList<string> Imports,
    IReadOnlyDictionary<string, RepairAttempt> Attempts)
{
    public bool HasEdits(string original) => ModuleSource != original || Rewrites.Count > 0 || Imports.Count > 0;
}
