using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// One harness <c>patch</c> edit and the failing tests it is meant to repair. A module-level edit (imports, Django
/// settings) may serve several tests; any other serves the one test function <see cref="Name"/>.
/// </summary>
public sealed record PlannedEdit(PatchEdit Edit, IReadOnlyList<string> Tests)
{
    public bool ModuleLevel => Edit.Op is "fix_import" or "configure_django";
}
