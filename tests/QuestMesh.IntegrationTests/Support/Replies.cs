using QuestMesh.Contracts;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>Worker replies a test sends by hand.</summary>
public static class Replies
{
    public static TestsGenerated Generated(GenerateTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 1,
        Suite = new TestSuite("tests/test_target.py", "from pkg.target import f\n\ndef test_f():\n    assert f(1) == 1\n"),
        TargetCode = "def f(x):\n    return x\n",
    };

    public static TestsAnalyzed Analyzed(AnalyzeTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 0.2,
        Report = new StaticReport { SyntaxOk = true, LineCount = 4, FunctionCount = 1, TestCount = 1 },
        Reliability = new PreReliability(PreReliability.High, 0.1, "syntax ok", 0),
    };

    public static TestsExecuted Executed(ExecuteTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 1,
        Report = new ExecutionReport
        {
            Status = "passed", Success = true,
            Coverage = new CoverageReport { Percent = 100, Statements = 2, CoveredStatements = 2, CoveredLines = [1, 2] },
            Tests = [new TestOutcome { Id = "tests/test_target.py::test_f", Name = "test_f", Outcome = "passed" }],
        },
    };
}
