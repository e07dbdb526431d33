namespace QuestMesh.Orchestrator.Tasks;

/// <summary>The task API's status words (the original system's): pending → processing → completed | failed.</summary>
public static class TaskStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Completed or Failed;
}
