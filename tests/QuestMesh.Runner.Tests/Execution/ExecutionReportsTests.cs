using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;

namespace QuestMesh.Runner.Tests.Execution;

public class ExecutionReportsTests
{
    [Fact]
    public void TimedOut_says_what_to_do()
    {
        var report = ExecutionReports.TimedOut(TimeSpan.FromSeconds(5), 5.2);

        report.Status.ShouldBe(ExecutionStatus.Timeout);
        report.Success.ShouldBeFalse();
        report.TestError.ShouldNotBeNull().ShouldContain("5 s");
        report.TestError.ShouldNotBeNull().ShouldContain("Runner:ExecutionTimeoutSeconds");
    }

    [Fact]
    public void Normalize_gives_a_harness_timeout_its_explanation()
    {
        var report = ExecutionReports.Normalize(new ExecutionReport { Status = "timeout" }, TimeSpan.FromSeconds(9));

        report.TestError.ShouldNotBeNull().ShouldContain("9 s");
    }

    [Fact]
    public void Normalize_keeps_other_reports_as_they_are()
    {
        var original = new ExecutionReport { Status = "failed", TestError = null };

        ExecutionReports.Normalize(original, TimeSpan.FromSeconds(9)).ShouldBeSameAs(original);
    }

    [Fact]
    public void Crashed_is_an_error_with_the_reason()
    {
        var report = ExecutionReports.Crashed("exit code 137", 1);

        report.Status.ShouldBe(ExecutionStatus.Error);
        report.TestError.ShouldNotBeNull().ShouldContain("exit code 137");
    }
}
