namespace QuestMesh.Runner.Execution;

/// <summary>Values of <see cref="QuestMesh.Contracts.ExecutionReport.Status"/>.</summary>
public static class ExecutionStatus
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Error = "error";
    public const string Timeout = "timeout";
}
