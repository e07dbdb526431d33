using QuestMesh.Contracts;

namespace QuestMesh.Runner.Execution;

/// <summary>Reports for runs that never produced a harness reply: the suite, not the service, is at fault.</summary>
public static class ExecutionReports
{
    public static ExecutionReport TimedOut(TimeSpan limit, double elapsedSeconds) => new()
    {
        Status = ExecutionStatus.Timeout,
        Success = false,
        ExitCode = -1,
        ExecutionTime = elapsedSeconds,
        TestError = $"The suite did not finish within {limit.TotalSeconds:0} s and was stopped; a test may loop, " +
                    "wait for input or block on the network. Raise Runner:ExecutionTimeoutSeconds if the suite is just slow.",
    };

    public static ExecutionReport Crashed(string reason, double elapsedSeconds) => new()
    {
        Status = ExecutionStatus.Error,
        Success = false,
        ExitCode = -1,
        ExecutionTime = elapsedSeconds,
        TestError = $"The test run stopped without a result: {reason}",
    };

    public static ExecutionReport NoWorkspace(string reason) => new()
    {
        Status = ExecutionStatus.Error,
        Success = false,
        ExitCode = -1,
        TestError = $"The project could not be prepared for the run: {reason}",
    };

    /// <summary>The harness may report a time-out itself; make sure such a report says why.</summary>
    public static ExecutionReport Normalize(ExecutionReport report, TimeSpan limit) =>
        report.Status == ExecutionStatus.Timeout && string.IsNullOrWhiteSpace(report.TestError)
            ? report with { TestError = TimedOut(limit, report.ExecutionTime).TestError }
            : report;
}
