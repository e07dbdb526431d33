namespace QuestMesh.Fixer.Fixing;

/// <summary>Values of <c>FixAction.Action</c>.</summary>
public static class FixActions
{
    public const string Repaired = "repaired";
    public const string Removed = "removed";
    public const string Kept = "kept";
}
