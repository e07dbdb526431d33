namespace QuestMesh.Contracts;

/// <summary>Where a run stands, in the words the HTTP API, its clients and dashboards use.</summary>
public static class RunStatuses
{
    /// <summary>Accepted; the orchestrator has not started it yet.</summary>
    public const string Pending = "pending";

    /// <summary>Between its first step and its end.</summary>
    public const string Running = "running";

    /// <summary>Ended with a suite (<see cref="RunCompleted"/>): targets met, attempts spent, or no progress.</summary>
    public const string Completed = "completed";

    /// <summary>Ended without a usable suite (<see cref="RunFailed"/> with a <c>failed:&lt;why&gt;</c> reason).</summary>
    public const string Failed = "failed";

    /// <summary>Ended by a <see cref="CancelRun"/>.</summary>
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Running, Completed, Failed, Cancelled];

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}
